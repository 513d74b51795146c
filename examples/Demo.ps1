<#
.SYNOPSIS
    The demo runbook, the way an ops engineer would run it in production: decommission the sandbox-environment
    connectors of an agent and rehome its phone numbers; then change what the agent says the way code is changed
    (a branch, a What-if diff for the reviewer, the compare plan, a merge, the branch removed); then change what
    live callers hear today (a real-time config value checked against the page's schema before it is sent); and end
    with the release runbook: publish the merged main to sandbox, promote it to pre-release and live, show what each
    environment runs, and roll live back.
    build.ps1 Demo runs it against the local emulator API.
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

Write-Host "`n8. Authoring: a branch for the change" -ForegroundColor Cyan
$branch = New-PolyAiBranch -AgentId $AgentId -Name 'saturday-hours' -Confirm:$false
$branch | Format-Table | Out-Host

Write-Host "9. Preview the new rules as a diff (-WhatIf), then set them on the branch" -ForegroundColor Cyan
$rules = (Get-PolyAiBehavior -AgentId $AgentId).Text -replace 'Book, move or cancel appointments\.', "Book, move or cancel appointments, also on Saturdays.`nConfirm the caller's name before booking."
$branch | Set-PolyAiBehavior -Text $rules -WhatIf
$branch | Set-PolyAiBehavior -Text $rules -Confirm:$false
Set-PolyAiKnowledgeTopic -AgentId $AgentId -BranchId $branch.BranchId -TopicId t-hours -Content 'We are open Monday to Saturday, 9:00 to 17:00.' -Confirm:$false

Write-Host "`n10. The plan a reviewer reads: what the branch changes against main" -ForegroundColor Cyan
$plan = Compare-PolyAiBranch -AgentId $AgentId -BranchId $branch.BranchId
$plan | Format-Table Area, Change, Name, Summary -AutoSize | Out-Host

Write-Host "11. Merge it (preview first), then remove the branch" -ForegroundColor Cyan
Merge-PolyAiBranch -AgentId $AgentId -BranchId $branch.BranchId -WhatIf
Merge-PolyAiBranch -AgentId $AgentId -BranchId $branch.BranchId -Message 'Saturday opening' -Force | Format-Table | Out-Host
Remove-PolyAiBranch -AgentId $AgentId -BranchId $branch.BranchId -Force
(Get-PolyAiKnowledgeTopic -AgentId $AgentId -TopicId t-hours).Content | ForEach-Object { "  main now says: $_" } | Out-Host

Write-Host "`n12. Real-time config: what the live page says now" -ForegroundColor Cyan
Get-PolyAiRealTimeConfig -AgentId $AgentId -ClientEnv live | Format-List ClientEnv, Variables, LastUpdated | Out-Host

Write-Host "13. A value that fails the page's JSON Schema is refused before anything is sent" -ForegroundColor Cyan
Set-PolyAiRealTimeConfig -AgentId $AgentId -ClientEnv live -Variable @{ openingHours = '9am to 8pm' } -Force -ErrorAction SilentlyContinue -ErrorVariable refused
$refused | ForEach-Object { "  {0}: {1}" -f $_.FullyQualifiedErrorId, $_.Exception.Message } | Out-Host

Write-Host "14. A good value: preview old -> new (-WhatIf), then set it; callers hear it at once" -ForegroundColor Cyan
$hours = @{ openingHours = '09:00-20:00'; holidayMessage = 'We close at 17:00 on 24 December.' }
Set-PolyAiRealTimeConfig -AgentId $AgentId -ClientEnv live -Variable $hours -WhatIf
Set-PolyAiRealTimeConfig -AgentId $AgentId -ClientEnv live -Variable $hours -Force -PassThru | Format-List ClientEnv, Variables | Out-Host

Write-Host "`n15. Release: publish the merged main to sandbox (preview first)" -ForegroundColor Cyan
Publish-PolyAiAgent -AgentId $AgentId -WhatIf
$sandbox = Publish-PolyAiAgent -AgentId $AgentId -Message 'Saturday opening' -Force
$sandbox | Format-Table | Out-Host

Write-Host "16. Promote it to pre-release, then live; each What-if names the versions" -ForegroundColor Cyan
$sandbox | Publish-PolyAiDeployment -WhatIf
$preRelease = $sandbox | Publish-PolyAiDeployment -Force
$preRelease | Publish-PolyAiDeployment -WhatIf
$live = $preRelease | Publish-PolyAiDeployment -Message 'Saturday opening, live' -Force

Write-Host "`n17. What each environment runs now" -ForegroundColor Cyan
Get-PolyAiDeployment -AgentId $AgentId -Active | Format-Table | Out-Host

Write-Host "18. Callers complain: roll live back to the previous deployment (preview first)" -ForegroundColor Cyan
$previous = Get-PolyAiDeployment -AgentId $AgentId -Environment live | Where-Object Version -NE $live.Version | Select-Object -First 1
$previous | Restore-PolyAiDeployment -WhatIf
$previous | Restore-PolyAiDeployment -Message 'Rolled back after complaints' -Force | Format-Table | Out-Host

Write-Host "19. An operation no cmdlet has yet (1.0.11 outbound calls) through Invoke-PolyAiRequest" -ForegroundColor Cyan
$call = Invoke-PolyAiRequest -Method POST -Path "/v1/agents/$AgentId/telephony/outbound-calls" -Body @{ toNumber = '+442071230000'; environment = 'live' } -Force
"  call {0}: {1}" -f $call.callSid, $call.status | Out-Host

Disconnect-PolyAi
