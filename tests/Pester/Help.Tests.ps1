# Help: every exported cmdlet has full help in the module's en-US MAML file (generated from docs/en-US by
# tools/New-ExternalHelp.ps1 in build.ps1 Build), and what the help says about each parameter matches the
# code's [Parameter] attributes, read through Get-Command. PSScriptAnalyzer's ModuleHelp.Tests.ps1 is the model.

BeforeDiscovery {
    Import-Module $env:POLYAI_TEST_MODULE -Force
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $cmdlets = @((Import-PowerShellDataFile $env:POLYAI_TEST_MODULE).CmdletsToExport | ForEach-Object {
            $command = Get-Command $_ -Module PolyAI.Agents
            @{
                Name       = $_
                # -WhatIf and -Confirm are optional common parameters: they are documented and checked like the others.
                Parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object | ForEach-Object { @{ Parameter = $_ } })
            }
        })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $moduleBase = Split-Path -Parent $env:POLYAI_TEST_MODULE
    $repositoryRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
    $generator = Join-Path $repositoryRoot 'tools/New-ExternalHelp.ps1'
    $docs = Join-Path $repositoryRoot 'docs/en-US'
    $helpFileName = 'PolyAI.Agents.Cmdlets.dll-Help.xml'

    # What the code says, in the words Get-Help uses.
    function Get-CodePipelineInput([object] $Parameter) {
        $kinds = @()
        if ($Parameter.ValueFromPipeline) { $kinds += 'ByValue' }
        if ($Parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
        if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
    }

    function Get-CodePosition([object] $Parameter) {
        if ($Parameter.Position -eq [int]::MinValue) { 'named' } else { "$($Parameter.Position)" }
    }

    # A help node's text: MAML paragraphs, or the plain string Get-Help makes of an element without children.
    function Get-HelpText([object] $Node) {
        (@($Node | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join "`n").Trim()
    }
}

Describe '<Name> help' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name -Module PolyAI.Agents
        $help = Get-Help $Name -Full
        $helpParameters = @($help.parameters.parameter | Where-Object { $_ })
        $codeParameters = @($command.Parameters.Values | Where-Object Name -NotIn $common)
    }

    It 'comes from the MAML file, not the syntax-only stub Get-Help makes when there is none' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *" -Because 'an auto-generated synopsis is the syntax'
        $help.Synopsis | Should -Not -BeLike '*<CommonParameters>*'
        Get-HelpText $help.description | Should -Not -BeNullOrEmpty
        $help.details.name | Should -Be $Name
    }

    It 'has at least two examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty -Because "$($example.title) needs code"
            Get-HelpText $example.remarks | Should -Not -BeNullOrEmpty -Because "$($example.title) needs an explanation"
        }
    }

    It 'has a runbook-style example: -WhatIf first, then -Force or -Confirm:$false' {
        $codes = @($help.examples.example | ForEach-Object code)
        @($codes | Where-Object { $_ -match '(?s)-WhatIf\b.*(-Force\b|-Confirm:\$false)' }).Count | Should -BeGreaterOrEqual 1
    }

    It 'has inputs, outputs naming every declared output type, notes and related links' {
        $inputs = @($help.inputTypes.inputType.type.name)
        $outputs = @($help.returnValues.returnValue.type.name)
        $inputs | Should -Not -BeNullOrEmpty
        $outputs | Should -Not -BeNullOrEmpty
        foreach ($type in $command.OutputType | Where-Object Name -NE 'System.Void') {
            $outputs | Should -Contain $type.Name
        }
        Get-HelpText $help.alertSet.alert | Should -Not -BeNullOrEmpty
        @($help.relatedLinks.navigationLink).Count | Should -BeGreaterOrEqual 2
        $help.relatedLinks.navigationLink.linkText | Should -Contain 'about_PolyAI.Agents'
    }

    It 'lists the type of every parameter that takes pipeline input by value under INPUTS' {
        $inputs = @($help.inputTypes.inputType.type.name)
        $byValue = @($codeParameters | Where-Object { $_.ParameterSets.Values.ValueFromPipeline -contains $true })
        foreach ($parameter in $byValue) {
            $type = $parameter.ParameterType
            if ($type.IsArray) { $type = $type.GetElementType() }
            $inputs | Should -Contain $type.FullName -Because "-$($parameter.Name) takes $($type.Name) by value"
        }
        $anyPipeline = @($codeParameters | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } })
        if (-not $anyPipeline) { $inputs | Should -Be @('None') }
        else { $inputs | Should -Not -Contain 'None' }
    }

    It 'documents no parameter the cmdlet does not have' {
        foreach ($name in $helpParameters.name) {
            $codeParameters.Name | Should -Contain $name -Because "help documents -$name"
        }
    }

    It 'has one syntax per parameter set, with the flags of that set' {
        $syntaxItems = @($help.syntax.syntaxItem)
        $syntaxItems.Count | Should -Be @($command.ParameterSets).Count
        foreach ($set in $command.ParameterSets) {
            $codeNames = @($set.Parameters | Where-Object Name -NotIn $common | ForEach-Object Name | Sort-Object)
            $item = @($syntaxItems | Where-Object { (@($_.parameter | Where-Object { $_ } | ForEach-Object name | Sort-Object) -join ',') -eq ($codeNames -join ',') })
            $item.Count | Should -Be 1 -Because "one syntax in help should show exactly the parameters of set '$($set.Name)': $($codeNames -join ', ')"
            foreach ($parameter in $set.Parameters | Where-Object Name -NotIn $common) {
                $helpParameter = $item[0].parameter | Where-Object name -EQ $parameter.Name
                $because = "-$($parameter.Name) in set '$($set.Name)'"
                $helpParameter.required | Should -Be $parameter.IsMandatory.ToString().ToLowerInvariant() -Because $because
                $helpParameter.position | Should -Be (Get-CodePosition $parameter) -Because $because
                $helpParameter.pipelineInput | Should -Be (Get-CodePipelineInput $parameter) -Because $because
            }
        }
    }

    Context '-<Parameter>' -ForEach $Parameters {
        BeforeAll {
            $code = $command.Parameters[$Parameter]
            $helpParameter = $helpParameters | Where-Object name -EQ $Parameter
            $sets = @($code.ParameterSets.Values)
        }

        It 'is documented with a description' {
            $helpParameter | Should -Not -BeNullOrEmpty -Because "help should document -$Parameter"
            Get-HelpText $helpParameter.description | Should -Not -BeNullOrEmpty
        }

        It "has help's required, position and pipeline input of the code" {
            # A parameter that differs between sets must match one of them here (the syntax test checks each set).
            $helpParameter.required | Should -BeIn @($sets | ForEach-Object { $_.IsMandatory.ToString().ToLowerInvariant() })
            $helpParameter.position | Should -BeIn @($sets | ForEach-Object { Get-CodePosition $_ })
            $helpParameter.pipelineInput | Should -BeIn @($sets | ForEach-Object { Get-CodePipelineInput $_ })
        }

        It "has help's type, wildcards, aliases and accepted values of the code" {
            $helpParameter.type.name | Should -Be $code.ParameterType.Name
            $helpParameter.parameterValue | Should -Be $code.ParameterType.Name
            $supportsWildcards = [bool]@($code.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            $helpParameter.globbing | Should -Be $supportsWildcards.ToString().ToLowerInvariant()
            $helpAliases = @($helpParameter.aliases -split ',\s*' | Where-Object { $_ -and $_ -ne 'none' })
            ($helpAliases | Sort-Object) -join ',' | Should -Be (($code.Aliases | Sort-Object) -join ',')
            $validateSet = $code.Attributes | Where-Object { $_.PSObject.Properties['ValidValues'] }
            $accepted = @($helpParameter.parameterValueGroup.parameterValue | Where-Object { $_ })
            if ($validateSet) { ($accepted -join ',') | Should -Be ($validateSet.ValidValues -join ',') }
            else { $accepted | Should -BeNullOrEmpty }
        }
    }
}

Describe 'Where the help lives' {
    It 'ships the MAML file under the name PowerShell derives from the cmdlet assembly, and the about topic, in en-US next to the manifest' {
        (Get-Command Remove-PolyAiConnector).HelpFile | Should -Be $helpFileName
        Join-Path $moduleBase "en-US/$helpFileName" | Should -Exist
        Join-Path $moduleBase 'en-US/about_PolyAI.Agents.help.txt' | Should -Exist
    }

    It 'Get-Help about_PolyAI.Agents covers connecting, sessions, regions, ShouldProcess, retries, errors and the emulator' {
        $about = Get-Help about_PolyAI.Agents | Out-String
        $about | Should -Match 'SHORT DESCRIPTION'
        foreach ($topic in 'Connecting', 'Sessions, runspaces and -Session', 'Regions and -BaseUri', '-WhatIf, -Confirm and -Force', 'Retries, timeouts and Ctrl\+C', 'Errors', 'The emulator') {
            $about | Should -Match $topic
        }
        foreach ($id in 'PolyAiNotConnected', 'PolyAiAuthenticationFailed', 'PolyAiRateLimited', 'PolyAiServerError', 'PolyAiConnectionFailed', 'PolyAiTimeout', 'PolyAiInvalidResponse', 'RemovalUnconfirmed') {
            $about | Should -Match $id
        }
    }

    It 'a fresh pwsh finds the help of a cmdlet and the about topic by module auto-loading, before any Import-Module' {
        $result = Invoke-TestPwsh -NoImport -Script @"
`$env:PSModulePath = '$(Split-Path -Parent $moduleBase)' + [IO.Path]::PathSeparator + `$env:PSModulePath
'SYNOPSIS: ' + (Get-Help Remove-PolyAiConnector).Synopsis
'EXAMPLES: ' + @((Get-Help Remove-PolyAiConnector -Examples).examples.example).Count
'ABOUT: ' + [bool]((Get-Help about_PolyAI.Agents | Out-String) -match 'SHORT DESCRIPTION')
"@
        $result.Output | Should -Match 'SYNOPSIS: Deletes telephony connectors'
        $result.Output | Should -Match 'EXAMPLES: [2-9]'
        $result.Output | Should -Match 'ABOUT: True'
        $result.ExitCode | Should -Be 0
    }
}

Describe 'tools/New-ExternalHelp.ps1' {
    BeforeAll {
        function Copy-Docs([string[]] $Name = '*') {
            $target = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            New-Item -ItemType Directory -Path $target | Out-Null
            foreach ($pattern in $Name) { Copy-Item (Join-Path $docs "$pattern.md") $target }
            $target
        }

        function Edit-Doc([string] $Folder, [string] $Name, [scriptblock] $Edit) {
            $path = Join-Path $Folder "$Name.md"
            $text = (Get-Content -LiteralPath $path -Raw) -replace "`r`n", "`n"
            $changed = & $Edit $text
            $changed | Should -Not -Be $text -Because 'the test must actually break the source'
            Set-Content -LiteralPath $path -Value $changed -NoNewline
        }

        function Invoke-Generator([string] $Source, [string] $ManifestPath) {
            $arguments = @{ SourcePath = $Source; OutputPath = (Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))) }
            if ($ManifestPath) { $arguments.ManifestPath = $ManifestPath }
            & $generator @arguments
        }
    }

    It 'produces exactly the help the built module ships, as well-formed MAML with every section' {
        $files = @(Invoke-Generator -Source $docs -ManifestPath (Join-Path $repositoryRoot 'PolyAI.Agents.psd1'))
        $files.Name | Sort-Object | Should -Be @('about_PolyAI.Agents.help.txt', $helpFileName)
        foreach ($file in $files) {
            Get-Content -LiteralPath $file.FullName -Raw | Should -BeExactly (Get-Content -LiteralPath (Join-Path $moduleBase "en-US/$($file.Name)") -Raw) -Because "out/PolyAI.Agents/en-US/$($file.Name) is built from docs/en-US"
        }

        [xml] $maml = Get-Content -LiteralPath ($files | Where-Object Name -EQ $helpFileName).FullName -Raw
        $ns = New-Object System.Xml.XmlNamespaceManager $maml.NameTable
        $ns.AddNamespace('msh', 'http://msh')
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $commands = @($maml.SelectNodes('/msh:helpItems/command:command', $ns))
        $commands.Count | Should -Be @((Import-PowerShellDataFile $env:POLYAI_TEST_MODULE).CmdletsToExport).Count
        foreach ($node in $commands) {
            foreach ($path in 'command:details/command:name', 'command:details/maml:description/maml:para', 'maml:description/maml:para', 'command:syntax/command:syntaxItem',
                'command:parameters', 'command:inputTypes/command:inputType/dev:type/maml:name', 'command:returnValues/command:returnValue/dev:type/maml:name',
                'maml:alertSet/maml:alert/maml:para', 'command:examples/command:example/dev:code', 'maml:relatedLinks/maml:navigationLink') {
                $node.SelectSingleNode($path, $ns) | Should -Not -BeNullOrEmpty -Because "$($node.details.name) needs $path"
            }
            foreach ($parameter in $node.SelectNodes('command:parameters/command:parameter', $ns)) {
                foreach ($attribute in 'required', 'pipelineInput', 'position', 'globbing', 'aliases') {
                    $parameter.GetAttribute($attribute) | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) of $($node.details.name) needs $attribute"
                }
                $parameter.SelectSingleNode('dev:type/maml:name', $ns) | Should -Not -BeNullOrEmpty
            }
        }
    }

    It 'fails on a source without one of its sections, naming the file and the section' {
        $source = Copy-Docs 'Remove-PolyAiConnector'
        Edit-Doc $source 'Remove-PolyAiConnector' { param($text) $text -replace '(?s)## NOTES\n.*?(?=## RELATED LINKS)', '' }
        { Invoke-Generator -Source $source } | Should -Throw -ExpectedMessage "*Remove-PolyAiConnector.md*missing section '## NOTES'*"
    }

    It 'fails on a parameter without its yaml block' {
        $source = Copy-Docs 'Set-PolyAiPhoneNumber'
        Edit-Doc $source 'Set-PolyAiPhoneNumber' { param($text) $text -replace '(?s)(### -PassThru\n[^\n]+\n)\n```yaml\n.*?```\n', '$1' }
        { Invoke-Generator -Source $source } | Should -Throw -ExpectedMessage '*Set-PolyAiPhoneNumber.md*parameter -PassThru has no yaml block*'
    }

    It 'fails on a yaml block without one of its keys' {
        $source = Copy-Docs 'Get-PolyAiAgent'
        Edit-Doc $source 'Get-PolyAiAgent' { param($text) $text -replace '(?s)(### -Name\n.*?)Required: False\n', '$1' }
        { Invoke-Generator -Source $source } | Should -Throw -ExpectedMessage "*Get-PolyAiAgent.md*parameter -Name: the yaml block has no 'Required:'*"
    }

    It 'fails when a syntax block and the parameters disagree' {
        $source = Copy-Docs 'Remove-PolyAiPhoneNumber'
        Edit-Doc $source 'Remove-PolyAiPhoneNumber' { param($text) $text.Replace(' [-Force]', '') }
        { Invoke-Generator -Source $source } | Should -Throw -ExpectedMessage '*Remove-PolyAiPhoneNumber.md*does not show -Force*'
    }

    It 'fails when an exported cmdlet has no help source' {
        $source = Copy-Docs 'Connect-PolyAi', 'Disconnect-PolyAi'
        { Invoke-Generator -Source $source -ManifestPath (Join-Path $repositoryRoot 'PolyAI.Agents.psd1') } | Should -Throw -ExpectedMessage '*No help source*Get-PolyAiSession*'
    }

    It 'writes nothing when a source is malformed' {
        $source = Copy-Docs 'Connect-PolyAi', 'Disconnect-PolyAi'
        Edit-Doc $source 'Disconnect-PolyAi' { param($text) $text -replace '## EXAMPLES', '## EXAMPLE' }
        $output = Join-Path $TestDrive 'untouched'
        { & $generator -SourcePath $source -OutputPath $output } | Should -Throw -ExpectedMessage "*Disconnect-PolyAi.md*unknown section '## EXAMPLE'*"
        $output | Should -Not -Exist
    }
}
