@{
    RootModule           = 'PolyAI.Agents.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '887d458a-3126-42ce-b62f-f6db50f9a0e1'
    Author               = 'PolyAI.Agents contributors'
    CompanyName          = 'PolyAI.Agents contributors'
    Copyright            = '(c) 2026 PolyAI.Agents contributors. MIT License.'
    Description          = 'Manage PolyAI voice agents from PowerShell: telephony connectors and phone numbers through the PolyAI Agents API, with -WhatIf previews, pipeline input, typed output and per-runspace sessions for unattended runbooks.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('PolyAI.Agents.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-PolyAi'
        'Disconnect-PolyAi'
        'Get-PolyAiSession'
        'Get-PolyAiAgent'
        'New-PolyAiAgent'
        'Copy-PolyAiAgent'
        'Remove-PolyAiAgent'
        'Get-PolyAiBranch'
        'New-PolyAiBranch'
        'Remove-PolyAiBranch'
        'Merge-PolyAiBranch'
        'Compare-PolyAiBranch'
        'Get-PolyAiBehavior'
        'Set-PolyAiBehavior'
        'Get-PolyAiKnowledgeTopic'
        'New-PolyAiKnowledgeTopic'
        'Set-PolyAiKnowledgeTopic'
        'Remove-PolyAiKnowledgeTopic'
        'Get-PolyAiAttribute'
        'New-PolyAiAttribute'
        'Set-PolyAiAttribute'
        'Remove-PolyAiAttribute'
        'Get-PolyAiVariant'
        'New-PolyAiVariant'
        'Set-PolyAiVariant'
        'Remove-PolyAiVariant'
        'Get-PolyAiRealTimeConfig'
        'Set-PolyAiRealTimeConfig'
        'Set-PolyAiRealTimeConfigSchema'
        'Get-PolyAiDeployment'
        'Publish-PolyAiAgent'
        'Publish-PolyAiDeployment'
        'Restore-PolyAiDeployment'
        'Invoke-PolyAiRequest'
        'Get-PolyAiConnector'
        'Remove-PolyAiConnector'
        'Set-PolyAiConnector'
        'Get-PolyAiPhoneNumber'
        'Import-PolyAiPhoneNumber'
        'Set-PolyAiPhoneNumber'
        'Remove-PolyAiPhoneNumber'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PolyAI', 'VoiceAgents', 'Telephony', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/polyai-agents/PolyAI.Agents/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/polyai-agents/PolyAI.Agents'
            ReleaseNotes = '0.1.0: Connect-PolyAi, Disconnect-PolyAi, Get-PolyAiSession, Get-PolyAiConnector, Remove-PolyAiConnector. Telephony: Set-PolyAiConnector (single and batch updates, -ClearVariant, -ProjectId moves), Get-PolyAiPhoneNumber, Import-PolyAiPhoneNumber (single and bulk, CSV pipeline input), Set-PolyAiPhoneNumber (route to a connector), Remove-PolyAiPhoneNumber (single and bulk release, typed PhoneNumberRemoval records).'
        }
    }
}
