# Shared by the Pester suite: the built module, the emulator started by Invoke-PesterSuite.ps1, and a way
# to run a snippet in a fresh pwsh (for prompts and host output that only a real process shows).

Import-Module (Join-Path $PSScriptRoot '../../tools/EmulatorHost.psm1') -Global

function Get-TestEmulator {
    if (-not $env:POLYAI_TEST_EMULATOR_URI) { throw 'Run the suite through tests/Invoke-PesterSuite.ps1 (build.ps1 Test): no emulator is set.' }
    [pscustomobject]@{ BaseUri = $env:POLYAI_TEST_EMULATOR_URI; ApiKey = $env:POLYAI_TEST_EMULATOR_KEY }
}

function Import-TestModule {
    Import-Module $env:POLYAI_TEST_MODULE -Force -Global
}

function Connect-TestEmulator {
    param([string] $ApiKey = $env:POLYAI_TEST_EMULATOR_KEY, [switch] $PassThru, [int] $TimeoutSec = 30, [int] $MaxRetry = 0)
    Connect-PolyAi -BaseUri $env:POLYAI_TEST_EMULATOR_URI -ApiKey $ApiKey -TimeoutSec $TimeoutSec -MaxRetry $MaxRetry -PassThru:$PassThru
}

function Reset-TestEmulator {
    param([ValidateSet('demo', 'empty')] [string] $Seed = 'demo')
    Reset-PolyAiEmulator -Emulator (Get-TestEmulator) -Seed $Seed
}

function Initialize-TestCase {
    # Each test starts from the seed, connected to the emulator as the default session of this runspace.
    Reset-TestEmulator
    Connect-TestEmulator
}

function Reset-TestPreference {
    # A test that sets $WhatIfPreference or $ConfirmPreference must not leave it to the next one.
    $global:WhatIfPreference = $false
    $global:ConfirmPreference = 'High'
}

function Get-TestRequest {
    param([string] $Method, [string] $PathLike)
    $requests = @(Get-PolyAiEmulatorRequest -Emulator (Get-TestEmulator))
    if ($Method) { $requests = @($requests | Where-Object method -EQ $Method) }
    if ($PathLike) { $requests = @($requests | Where-Object rawTarget -Like $PathLike) }
    , $requests
}

function Get-TestConnectorIds {
    param([string] $AgentId = 'PROJECT-DEMO')
    $state = Get-PolyAiEmulatorState -Emulator (Get-TestEmulator)
    @(($state.agents | Where-Object agentId -EQ $AgentId).connectors.connectorId)
}

function Get-TestPhoneNumbers {
    param([string] $AgentId = 'PROJECT-DEMO')
    $state = Get-PolyAiEmulatorState -Emulator (Get-TestEmulator)
    @(($state.agents | Where-Object agentId -EQ $AgentId).phoneNumbers)
}

function Invoke-TestPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh -NonInteractive with the module imported and connected to the
        emulator (-NoConnect: imported only; -NoImport: neither); returns its exit code and everything it
        printed (stdout and stderr, host output included).
    #>
    param([Parameter(Mandatory)] [string] $Script, [switch] $NoConnect, [switch] $NoImport, [string] $InputText)
    $pwsh = Get-PwshCommand
    $prelude = "`$ErrorActionPreference = 'Continue';"
    if (-not $NoImport) { $prelude += " Import-Module '$env:POLYAI_TEST_MODULE';" }
    if (-not $NoConnect -and -not $NoImport) {
        $prelude += " Connect-PolyAi -BaseUri '$env:POLYAI_TEST_EMULATOR_URI' -ApiKey '$env:POLYAI_TEST_EMULATOR_KEY' -MaxRetry 0;"
    }
    $file = Join-Path ([IO.Path]::GetTempPath()) ("polyai-test-{0}.ps1" -f [guid]::NewGuid())
    Set-Content -LiteralPath $file -Value ($prelude + "`n" + $Script)
    try {
        $env:NO_COLOR = '1'
        $arguments = @('-NoProfile', '-File', $file)
        if (-not $PSBoundParameters.ContainsKey('InputText')) { $arguments = @('-NonInteractive') + $arguments }
        $arguments = @($pwsh | Select-Object -Skip 1) + $arguments
        $output = if ($PSBoundParameters.ContainsKey('InputText')) { $InputText | & $pwsh[0] @arguments 2>&1 } else { & $pwsh[0] @arguments 2>&1 }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = (@($output | ForEach-Object { "$_" }) -join "`n") }
    }
    finally {
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        Remove-Item Env:NO_COLOR -ErrorAction SilentlyContinue
    }
}

function Get-HostOutput {
    <#
    .SYNOPSIS
        Runs a script block in this process under Start-Transcript and returns what reached the host
        (What-if text goes there, not to an output stream).
    #>
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $path = Join-Path ([IO.Path]::GetTempPath()) ("polyai-transcript-{0}.txt" -f [guid]::NewGuid())
    Start-Transcript -LiteralPath $path | Out-Null
    try { & $ScriptBlock | Out-Host } finally { Stop-Transcript | Out-Null }
    try { Get-Content -LiteralPath $path -Raw } finally { Remove-Item -LiteralPath $path -ErrorAction SilentlyContinue }
}

function Invoke-EmulatorApi {
    <#
    .SYNOPSIS
        One request to the emulator's API over plain HTTP with its key, for the tests that hold the emulator to its
        spec without the cmdlets: the status, the JSON body (null when there is none), the text and the headers.
        -DatesAsText keeps ISO dates as the API wrote them.
    #>
    param([string] $Method, [string] $Path, $Body, [switch] $DatesAsText)
    $emulator = Get-TestEmulator
    $request = @{ Method = $Method; Uri = "$($emulator.BaseUri)$Path"; Headers = @{ 'x-api-key' = $emulator.ApiKey }; SkipHttpErrorCheck = $true }
    if ($null -ne $Body) {
        $request.Body = if ($Body -is [string]) { $Body } else { ConvertTo-Json -InputObject $Body -Depth 10 -Compress }
        $request.ContentType = 'application/json'
    }
    $response = Invoke-WebRequest @request
    $json = $null
    if ($response.Content) {
        $json = if ($DatesAsText) { $response.Content | ConvertFrom-Json -Depth 20 -DateKind String } else { $response.Content | ConvertFrom-Json -Depth 20 }
    }
    [pscustomobject]@{
        Status        = [int]$response.StatusCode
        Json          = $json
        Text          = [string]$response.Content
        Headers       = $response.Headers
        CorrelationId = [string]$response.Headers['X-PolyAI-Correlation-Id']
    }
}

Export-ModuleMember -Function Get-TestEmulator, Import-TestModule, Connect-TestEmulator, Reset-TestEmulator, Initialize-TestCase, Reset-TestPreference, Get-TestRequest,
    Get-TestConnectorIds, Get-TestPhoneNumbers, Invoke-TestPwsh, Get-HostOutput, Invoke-EmulatorApi
