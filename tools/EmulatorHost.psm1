#Requires -Version 5.1
<#
    EmulatorHost.psm1: starts, drives and stops the local PolyAI emulator (src/PolyAI.Agents.Emulator) for Pester
    tests, the demo runbook and benchmarks. Every function except Start/Stop talks to the emulator's control API
    under /_emulator (no API key needed). Works on PowerShell 7.4+ and Windows PowerShell 5.1.
#>
Set-StrictMode -Version 3.0

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot
$script:DefaultApiKey = 'emulator-key'

function Start-PolyAiEmulator {
    <#
    .SYNOPSIS
    Starts a emulator server in the background on a free 127.0.0.1 port and returns it once it is listening.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([pscustomobject])]
    param(
        # The emulator DLL. Default: $env:POLYAI_EMULATOR_DLL, else <repo>/out/emulator/PolyAI.Agents.Emulator.dll.
        [string] $EmulatorPath,

        # API keys the emulator accepts. Default: the emulator's own default, 'emulator-key'.
        [ValidateNotNullOrEmpty()]
        [string[]] $ApiKey,

        [ValidateSet('demo', 'empty')]
        [string] $Seed = 'demo',

        [ValidateRange(0, 2147483647)]
        [int] $LatencyMs = 0,

        # How long to wait for the emulator to report that it is listening.
        [ValidateRange(1, 600)]
        [int] $TimeoutSeconds = 30
    )

    if (-not $EmulatorPath) {
        $EmulatorPath = if ($env:POLYAI_EMULATOR_DLL) { $env:POLYAI_EMULATOR_DLL }
        else { Join-Path $script:RepositoryRoot (Join-Path 'out' (Join-Path 'emulator' 'PolyAI.Agents.Emulator.dll')) }
    }

    if (-not (Test-Path -LiteralPath $EmulatorPath -PathType Leaf)) {
        throw "PolyAI emulator not found at '$EmulatorPath'. Build it with: dotnet build src/PolyAI.Agents.Emulator -c Release -o out/emulator"
    }

    $EmulatorPath = (Resolve-Path -LiteralPath $EmulatorPath).ProviderPath
    $tempBase = Join-Path ([System.IO.Path]::GetTempPath()) ('polyai-emulator-' + [guid]::NewGuid().ToString('N'))
    $readyFile = "$tempBase.url"
    $stdoutFile = "$tempBase.out.log"
    $stderrFile = "$tempBase.err.log"

    $arguments = @($EmulatorPath, '--port', '0', '--ready-file', $readyFile, '--parent-pid', "$PID", '--seed', $Seed, '--latency-ms', "$LatencyMs")
    foreach ($key in @($ApiKey | Where-Object { $_ })) {
        $arguments += @('--api-key', $key)
    }

    if (-not $PSCmdlet.ShouldProcess($EmulatorPath, 'Start PolyAI emulator')) {
        return
    }

    $process = Start-Process -FilePath (Get-DotNetHostPath) `
        -ArgumentList (($arguments | ForEach-Object { ConvertTo-ProcessArgument $_ }) -join ' ') `
        -RedirectStandardOutput $stdoutFile -RedirectStandardError $stderrFile `
        -NoNewWindow -PassThru

    $emulator = [pscustomobject]@{
        PSTypeName         = 'PolyAI.Agents.Emulator'
        BaseUri            = $null
        ApiKey             = if ($ApiKey) { $ApiKey[0] } else { $script:DefaultApiKey }
        Process            = $process
        ReadyFile          = $readyFile
        StandardOutputPath = $stdoutFile
        StandardErrorPath  = $stderrFile
    }

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (Test-Path -LiteralPath $readyFile -PathType Leaf)) {
        if ($process.HasExited) {
            $message = "The PolyAI emulator exited with code $($process.ExitCode) before it was ready. stderr: $(Read-EmulatorLog $stderrFile)"
            Remove-EmulatorFile $emulator
            throw $message
        }

        if ([DateTime]::UtcNow -gt $deadline) {
            $message = "The PolyAI emulator did not become ready within $TimeoutSeconds s. stderr: $(Read-EmulatorLog $stderrFile)"
            Stop-PolyAiEmulator -Emulator $emulator -Confirm:$false
            throw $message
        }

        Start-Sleep -Milliseconds 50
    }

    # The emulator writes the file under a temporary name and renames it, so its content is complete here.
    $emulator.BaseUri = (Get-Content -LiteralPath $readyFile -Raw).Trim().TrimEnd('/')
    $emulator
}

function Stop-PolyAiEmulator {
    <#
    .SYNOPSIS
    Stops a emulator started by Start-PolyAiEmulator (kills its process tree, waits for exit, removes its temp files).
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [psobject] $Emulator,

        [ValidateRange(1, 600)]
        [int] $TimeoutSeconds = 10
    )

    process {
        $process = $Emulator.Process
        if (-not $PSCmdlet.ShouldProcess("PolyAI emulator process $($process.Id)", 'Stop')) {
            return
        }

        if (-not $process.HasExited) {
            try {
                if ($PSVersionTable.PSVersion.Major -ge 6) {
                    $process.Kill($true) # The whole tree (.NET Core 3.0+).
                }
                else {
                    & taskkill.exe /PID $process.Id /T /F 2>&1 | Out-Null
                }
            }
            catch [System.InvalidOperationException] {
                # It exited between the check and the kill.
            }

            if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
                throw "PolyAI emulator process $($process.Id) did not exit within $TimeoutSeconds s."
            }
        }

        Remove-EmulatorFile $Emulator
    }
}

function Reset-PolyAiEmulator {
    <#
    .SYNOPSIS
    Restores the emulator seed and clears its request log, fault rules, latency and error shape.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        # Seed to load; default: the seed the emulator was started with.
        [ValidateSet('demo', 'empty')]
        [string] $Seed
    )

    if ($PSCmdlet.ShouldProcess($Emulator.BaseUri, 'Reset PolyAI emulator')) {
        $body = @{}
        if ($Seed) { $body.seed = $Seed }
        Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'reset' -Body $body | Out-Null
    }
}

function Get-PolyAiEmulatorRequest {
    <#
    .SYNOPSIS
    Lists the /v1 requests the emulator received, oldest first, optionally filtered by method and decoded path.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        # HTTP method, e.g. DELETE (case-insensitive).
        [string] $Method,

        # Wildcard pattern matched against the decoded path, e.g. '*/connectors/conn-sbx-1'.
        [string] $PathLike
    )

    # Assign first: PowerShell 7 emits a JSON array as one object, which @(...) would nest instead of enumerating.
    $requests = Invoke-EmulatorControl -Emulator $Emulator -Method Get -Path 'requests'
    foreach ($request in $requests) {
        if ($Method -and $request.method -ne $Method) { continue }
        if ($PathLike -and $request.path -notlike $PathLike) { continue }
        $request
    }
}

function Clear-PolyAiEmulatorRequest {
    <#
    .SYNOPSIS
    Empties the emulator's request log.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    if ($PSCmdlet.ShouldProcess($Emulator.BaseUri, 'Clear PolyAI emulator request log')) {
        Invoke-EmulatorControl -Emulator $Emulator -Method Delete -Path 'requests' | Out-Null
    }
}

function Add-PolyAiEmulatorFault {
    <#
    .SYNOPSIS
    Adds a fault rule (e.g. @{ method = 'DELETE'; pathContains = '/connectors/'; status = 503; retryAfter = '1' }) and returns it.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        # Keys: name, method, pathContains, times, status, retryAfter, contentType, body, delayMs, truncate, drop, afterHandler.
        [Parameter(Mandatory)]
        [hashtable] $Rule
    )

    if ($PSCmdlet.ShouldProcess($Emulator.BaseUri, 'Add PolyAI emulator fault rule')) {
        Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'faults' -Body $Rule
    }
}

function Get-PolyAiEmulatorFault {
    <#
    .SYNOPSIS
    Lists the emulator's fault rules with how often each has been applied.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    $rules = Invoke-EmulatorControl -Emulator $Emulator -Method Get -Path 'faults'
    foreach ($rule in $rules) {
        $rule
    }
}

function Clear-PolyAiEmulatorFault {
    <#
    .SYNOPSIS
    Removes every fault rule from the emulator.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    if ($PSCmdlet.ShouldProcess($Emulator.BaseUri, 'Clear PolyAI emulator fault rules')) {
        Invoke-EmulatorControl -Emulator $Emulator -Method Delete -Path 'faults' | Out-Null
    }
}

function Set-PolyAiEmulatorLatency {
    <#
    .SYNOPSIS
    Makes every /v1 request wait the given number of milliseconds before it is handled (0 turns it off).
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [Parameter(Mandatory)]
        [ValidateRange(0, 2147483647)]
        [int] $Milliseconds
    )

    if ($PSCmdlet.ShouldProcess($Emulator.BaseUri, "Set PolyAI emulator latency to $Milliseconds ms")) {
        Invoke-EmulatorControl -Emulator $Emulator -Method Put -Path 'latency' -Body @{ ms = $Milliseconds } | Out-Null
    }
}

function Set-PolyAiEmulatorErrorShape {
    <#
    .SYNOPSIS
    Selects the error body shape: envelope (default), nested or validation.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [Parameter(Mandatory)]
        [ValidateSet('envelope', 'nested', 'validation')]
        [string] $Shape
    )

    if ($PSCmdlet.ShouldProcess($Emulator.BaseUri, "Set PolyAI emulator error shape to $Shape")) {
        Invoke-EmulatorControl -Emulator $Emulator -Method Put -Path 'error-shape' -Body @{ shape = $Shape } | Out-Null
    }
}

function New-PolyAiEmulatorData {
    <#
    .SYNOPSIS
    Generates connectors (gen-conn-00001...) with routed numbers, plus unrouted numbers, on an agent (created if missing).
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $AgentId,

        [Parameter(Mandatory)]
        [ValidateRange(0, 2147483647)]
        [int] $Connectors,

        [Parameter(Mandatory)]
        [ValidateRange(0, 2147483647)]
        [int] $NumbersPerConnector,

        [ValidateRange(0, 2147483647)]
        [int] $UnroutedNumbers = 0,

        [ValidateSet('sandbox', 'pre-release', 'live')]
        [string] $ClientEnv = 'sandbox'
    )

    if ($PSCmdlet.ShouldProcess($AgentId, 'Generate PolyAI emulator data')) {
        $body = @{
            connectors          = $Connectors
            numbersPerConnector = $NumbersPerConnector
            unroutedNumbers     = $UnroutedNumbers
            clientEnv           = $ClientEnv
        }
        Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path "agents/$([uri]::EscapeDataString($AgentId))/generate" -Body $body
    }
}

function Get-PolyAiEmulatorState {
    <#
    .SYNOPSIS
    Returns the emulator's whole state (agents with their connectors and phone numbers) for assertions.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    Invoke-EmulatorControl -Emulator $Emulator -Method Get -Path 'state'
}

# ---------------------------------------------------------------------------------------------- private helpers

function Invoke-EmulatorControl {
    # Calls the control API; a hashtable -Body is sent as JSON.
    param(
        [Parameter(Mandatory)] [psobject] $Emulator,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [hashtable] $Body
    )

    if (-not $Emulator.BaseUri) {
        throw 'The emulator object has no BaseUri; pass the object returned by Start-PolyAiEmulator.'
    }

    $request = @{
        Uri         = "$($Emulator.BaseUri)/_emulator/$Path"
        Method      = $Method
        ErrorAction = 'Stop'
    }
    if ($PSVersionTable.PSVersion.Major -ge 6) {
        $request.NoProxy = $true # Never send loopback traffic through an HTTP(S)_PROXY.
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.ContentType = 'application/json'
        $request.Body = ConvertTo-Json -InputObject $Body -Depth 10 -Compress
    }

    Invoke-RestMethod @request
}

function Get-PwshCommand {
    <#
    .SYNOPSIS
    How to start a fresh PowerShell like this one: @(program, leading arguments). Under the dotnet tool that is
    this dotnet host with $PSHOME/pwsh.dll (the tool's pwsh apphost is built for linux-x64 only); otherwise this
    very executable.
    #>
    if ($PSVersionTable.PSEdition -eq 'Desktop') { return , @(Join-Path $PSHOME 'powershell.exe') }
    $process = [Environment]::ProcessPath
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ((Split-Path -Leaf $process) -match '^dotnet(\.exe)?$' -and (Test-Path -LiteralPath $dll)) { return , @($process, $dll) }
    , @($process)
}

# Where PSResourceGet and pwsh find a user's repositories and modules (through .NET's special folders), each
# with its usual place under a home folder. The XDG ones matter when the real user has them set.
$UserProfileFolders = [ordered]@{
    HOME            = ''
    LOCALAPPDATA    = 'AppData/Local'
    APPDATA         = 'AppData/Roaming'
    XDG_DATA_HOME   = '.local/share'
    XDG_CONFIG_HOME = '.config'
    XDG_CACHE_HOME  = '.cache'
}

function Enter-TemporaryUserProfile {
    <#
    .SYNOPSIS
    Points this process (and the children it starts) at a new empty temporary folder as the user's home and data
    folders, so registering a repository or installing a module cannot touch the real user. Returns what
    Exit-TemporaryUserProfile needs to undo it.
    #>
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("polyai-user-{0}" -f [guid]::NewGuid())
    New-Item -ItemType Directory -Path $folder | Out-Null
    $saved = @{}
    foreach ($name in $UserProfileFolders.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        # Created now: .NET reports a special folder that does not exist as "", and PSResourceGet then
        # writes its store relative to the current directory.
        $path = New-Item -ItemType Directory -Force -Path (Join-Path $folder $UserProfileFolders[$name])
        [Environment]::SetEnvironmentVariable($name, $path.FullName)
    }
    [pscustomobject]@{ Folder = $folder; Saved = $saved }
}

function Exit-TemporaryUserProfile {
    param([Parameter(Mandatory)] [psobject] $UserProfile)
    foreach ($name in $UserProfile.Saved.Keys) { Set-ProcessEnvironmentVariable $name $UserProfile.Saved[$name] }
    Remove-Item -LiteralPath $UserProfile.Folder -Recurse -Force -ErrorAction SilentlyContinue
}

function Set-ProcessEnvironmentVariable {
    <#
    .SYNOPSIS
    Sets an environment variable of this process (and the children it starts), or removes it when -Value is $null:
    PowerShell passes $null to a string parameter as "", which would leave the variable set but empty.
    #>
    param([Parameter(Mandatory)] [string] $Name, $Value)   # untyped: a [string] parameter would turn $null into ""
    [Environment]::SetEnvironmentVariable($Name, $(if ($null -eq $Value) { [NullString]::Value } else { [string]$Value }))
}

function Get-DotNetHostPath {
    # The dotnet executable: the one running this tool (dotnet pwsh sets DOTNET_HOST_PATH), else the one on PATH.
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH -PathType Leaf)) {
        return $env:DOTNET_HOST_PATH
    }

    $command = Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) {
        throw 'The dotnet executable was not found on PATH; it is needed to run the PolyAI emulator.'
    }

    $command.Path
}

function ConvertTo-ProcessArgument {
    # Quotes one argument for a process command line (the CommandLineToArgvW rules .NET also applies on Unix).
    param([AllowEmptyString()] [string] $Value)

    if ($Value.Length -gt 0 -and $Value -notmatch '[\s"]') {
        return $Value
    }

    '"' + (($Value -replace '(\\*)"', '$1$1\"') -replace '(\\+)$', '$1$1') + '"'
}

function Read-EmulatorLog {
    param([string] $Path)

    try {
        if (Test-Path -LiteralPath $Path -PathType Leaf) {
            return (Get-Content -LiteralPath $Path -Raw -ErrorAction Stop)
        }
    }
    catch {
        return "<could not read '$Path': $($_.Exception.Message)>"
    }

    '<empty>'
}

function Remove-EmulatorFile {
    param([psobject] $Emulator)

    foreach ($path in @($Emulator.ReadyFile, $Emulator.StandardOutputPath, $Emulator.StandardErrorPath)) {
        if ($path) {
            Remove-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
        }
    }
}

Export-ModuleMember -Function @(
    'Get-PwshCommand'
    'Enter-TemporaryUserProfile'
    'Exit-TemporaryUserProfile'
    'Set-ProcessEnvironmentVariable'
    'Start-PolyAiEmulator'
    'Stop-PolyAiEmulator'
    'Reset-PolyAiEmulator'
    'Get-PolyAiEmulatorRequest'
    'Clear-PolyAiEmulatorRequest'
    'Add-PolyAiEmulatorFault'
    'Get-PolyAiEmulatorFault'
    'Clear-PolyAiEmulatorFault'
    'Set-PolyAiEmulatorLatency'
    'Set-PolyAiEmulatorErrorShape'
    'New-PolyAiEmulatorData'
    'Get-PolyAiEmulatorState'
)
