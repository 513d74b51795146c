<#
.SYNOPSIS
    The demo runbook: decommission the sandbox-environment connectors of an agent, the way an ops
    engineer would in production. build.ps1 Demo runs it against the local emulator API.
#>
param(
    [string] $AgentId = 'PROJECT-DEMO',
    [string] $ModulePath = $env:POLYAI_DEMO_MODULE,
    [string] $BaseUri = $env:POLYAI_DEMO_BASE_URI,
    [string] $ApiKey = $env:POLYAI_DEMO_API_KEY
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

Connect-PolyAi -BaseUri $BaseUri -ApiKey $ApiKey

Write-Host "`n1. The connectors of $AgentId" -ForegroundColor Cyan
Get-PolyAiConnector -AgentId $AgentId | Format-Table | Out-Host

Write-Host "2. Preview one removal with -WhatIf (nothing is deleted)" -ForegroundColor Cyan
Remove-PolyAiConnector -AgentId $AgentId -ConnectorId conn-sbx-1 -WhatIf

Write-Host "`n3. Remove every sandbox connector, keep a typed record of the released numbers" -ForegroundColor Cyan
$removed = Get-PolyAiConnector -AgentId $AgentId |
    Where-Object ClientEnv -EQ 'sandbox' |
    Remove-PolyAiConnector -Force
$removed | Format-Table | Out-Host

Write-Host "4. Released phone numbers" -ForegroundColor Cyan
$removed | ForEach-Object { $_.DeletedPhoneNumbers } | ForEach-Object { "  $_" } | Out-Host

Write-Host "`n5. What is left" -ForegroundColor Cyan
Get-PolyAiConnector -AgentId $AgentId | Format-Table | Out-Host

Write-Host "6. A missing connector is a non-terminating error with a stable id; the runbook goes on" -ForegroundColor Cyan
Remove-PolyAiConnector -AgentId $AgentId -ConnectorId conn-does-not-exist -Force -ErrorAction SilentlyContinue -ErrorVariable failed
$failed | ForEach-Object { "  {0}: {1}" -f $_.FullyQualifiedErrorId, $_.ErrorDetails.Message } | Out-Host

Write-Host "`n7. Phone numbers: import from a CSV, route them to a connector, release them" -ForegroundColor Cyan
$csv = Join-Path ([IO.Path]::GetTempPath()) ("polyai-demo-numbers-{0}.csv" -f [guid]::NewGuid())
try {
    @('Number', '+442071239001', '+442071239002', '+442071239003') | Set-Content -LiteralPath $csv
    $imported = Import-Csv $csv | Import-PolyAiPhoneNumber -AgentId $AgentId -ClientEnv live
    $imported | Set-PolyAiPhoneNumber -ConnectorId conn-main-live -WhatIf
    $imported | Set-PolyAiPhoneNumber -ConnectorId conn-main-live -PassThru | Format-Table | Out-Host
    Get-PolyAiPhoneNumber -AgentId $AgentId -ConnectorId conn-main-live | Format-Table | Out-Host
    Import-Csv $csv | Remove-PolyAiPhoneNumber -AgentId $AgentId -Force | Format-Table | Out-Host
}
finally {
    Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
}

Disconnect-PolyAi
