@{
    RootModule           = 'bin/PolyAI.Agents.Cmdlets.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '887d458a-3126-42ce-b62f-f6db50f9a0e1'
    Author               = 'PolyAI.Agents contributors'
    CompanyName          = 'PolyAI.Agents contributors'
    Copyright            = '(c) 2026 PolyAI.Agents contributors. MIT License.'
    Description          = 'Manage PolyAI voice agents from PowerShell runbooks: agents, branches, behavior rules and the knowledge base, attributes and variants, real-time configs checked against their JSON Schema, deployments (publish, promote, roll back), telephony connectors and phone numbers, and Invoke-PolyAiRequest for any other operation of the PolyAI Agents API; -WhatIf previews that show what changes, pipeline input, typed output, stable error ids and per-runspace sessions.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
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
            Tags         = @('PolyAI', 'VoiceAgents', 'Telephony', 'Deployment', 'Runbook', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/polyai-agents/PolyAI.Agents/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/polyai-agents/PolyAI.Agents'
            ReleaseNotes = '0.1.0: the whole PolyAI Agents API 1.0.3 (47 operations). Sessions (Connect-, Disconnect-, Get-PolyAiSession); agents (Get-, New-, Copy-, Remove-PolyAiAgent); branches (Get-, New-, Remove-, Merge-, Compare-PolyAiBranch) with behavior rules (Get-, Set-PolyAiBehavior), knowledge-base topics, attributes and variants (Get-, New-, Set-, Remove-); real-time configs (Get-, Set-PolyAiRealTimeConfig, Set-PolyAiRealTimeConfigSchema) checked against their JSON Schema before sending; deployments (Get-PolyAiDeployment, Publish-PolyAiAgent, Publish-PolyAiDeployment, Restore-PolyAiDeployment); telephony connectors and phone numbers; Invoke-PolyAiRequest for operations no cmdlet has yet.'
        }
    }
}
