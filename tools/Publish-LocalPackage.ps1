<#
.SYNOPSIS
    Publishes the laid-out module to a local PSResourceGet file repository, as a Gallery publish would.
    build.ps1 runs it in a child pwsh whose HOME and data folders (Enter-TemporaryUserProfile) point at a temporary folder, so the
    repository registration never touches the user's own PSResourceGet settings.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepositoryPath
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module Microsoft.PowerShell.PSResourceGet
Register-PSResourceRepository -Name PolyAiLocal -Uri $RepositoryPath -Trusted
Publish-PSResource -Path $ModulePath -Repository PolyAiLocal
Get-ChildItem -LiteralPath $RepositoryPath -Filter *.nupkg | ForEach-Object { "Published $($_.Name)" }
