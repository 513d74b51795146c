BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'Attributes and variants (V1-V8)' {
    BeforeEach {
        Initialize-TestCase
        $null = New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'sites' -Confirm:$false
        Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
    }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiAttribute' {
        It 'lists the attributes of main by default, typed, with the ids a pipeline needs' {
            $attributes = Get-PolyAiAttribute -AgentId PROJECT-DEMO
            $attributes | Should -BeOfType ([PolyAI.Agents.Attribute])
            $attributes.AttributeId | Should -Be @('attr-site', 'attr-hours')
            $attributes.Name | Should -Be @('site', 'openingHours')
            $attributes[0].BranchId | Should -Be 'main'
            $attributes[0].AgentId | Should -Be 'PROJECT-DEMO'
        }

        It 'picks ids from one list read, in the order given; an unknown id is AttributeNotFound and the rest still come' {
            $attributes = Get-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-hours, attr-none, attr-site -ErrorVariable failures -ErrorAction SilentlyContinue
            $attributes.AttributeId | Should -Be @('attr-hours', 'attr-site')
            (Get-TestRequest -Method GET).Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'AttributeNotFound,PolyAI.Agents.Commands.GetPolyAiAttributeCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'attr-none'
        }

        It 'filters by name with wildcards; no match writes nothing' {
            (Get-PolyAiAttribute -AgentId PROJECT-DEMO -Name 'open*').AttributeId | Should -Be 'attr-hours'
            Get-PolyAiAttribute -AgentId PROJECT-DEMO -Name 'none*' | Should -BeNullOrEmpty
        }
    }

    Describe 'New-, Set-, Remove-PolyAiAttribute' {
        It 'creates attributes by name (several at once) and writes them' {
            $created = 'floor', 'phone' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | New-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -Confirm:$false
            $created | Should -BeOfType ([PolyAI.Agents.Attribute])
            $created.Name | Should -Be @('floor', 'phone')
            $created[0].BranchId | Should -Be 'br-0001'
            (Get-TestRequest -Method POST).body | Sort-Object | Should -Be @('{"name":"floor"}', '{"name":"phone"}') -Because 'the requests run concurrently, in any order'
        }

        It 'reports a name the branch has as AttributeAlreadyExists' {
            New-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'site' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'AttributeAlreadyExists,PolyAI.Agents.Commands.NewPolyAiAttributeCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        }

        It 'Set -WhatIf shows the name old -> new; the rename reaches every variant''s values' {
            $text = Get-HostOutput { Set-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-hours -Name 'hours' -WhatIf }
            $text | Should -Match "What if: Update attribute 'openingHours' \(attr-hours\) of branch 'br-0001' of agent 'PROJECT-DEMO': name 'openingHours' -> 'hours'"
            (Get-TestRequest -Method PATCH).Count | Should -Be 0

            $renamed = Set-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-hours -Name 'hours' -PassThru -Confirm:$false
            $renamed.Name | Should -Be 'hours'
            (Get-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-london).AttributeValues['hours'] | Should -Be '09:00-17:00'
        }

        It 'Set without -PassThru writes nothing' {
            Set-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-hours -Name 'hours' -Confirm:$false | Should -BeNullOrEmpty
        }

        It 'Remove -WhatIf names the attribute and says its values go too; piped removal from one branch leaves main alone' {
            $text = Get-HostOutput { Remove-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-hours -WhatIf }
            $text | Should -Match "What if: Remove attribute 'openingHours' \(attr-hours\) from branch 'br-0001' of agent 'PROJECT-DEMO', with its value in every variant\."
            Get-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'open*' | Remove-PolyAiAttribute -Force | Should -BeNullOrEmpty
            (Get-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001).AttributeId | Should -Be 'attr-site'
            (Get-PolyAiAttribute -AgentId PROJECT-DEMO).AttributeId | Should -Be @('attr-site', 'attr-hours')
        }

        It 'refuses content of main piped in without -BranchId main on the command line, and sends nothing' {
            Get-PolyAiAttribute -AgentId PROJECT-DEMO | Remove-PolyAiAttribute -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 2
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchMainNotNamed,PolyAI.Agents.Commands.RemovePolyAiAttributeCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'reports an unknown attribute as AttributeNotFound' {
            Remove-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-none -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'AttributeNotFound,PolyAI.Agents.Commands.RemovePolyAiAttributeCommand'
        }
    }

    Describe 'Get-PolyAiVariant' {
        It 'lists the variants with their attribute values as a dictionary that dot access, JSON and CSV read' {
            $variants = Get-PolyAiVariant -AgentId PROJECT-DEMO
            $variants | Should -BeOfType ([PolyAI.Agents.Variant])
            $variants.VariantId | Should -Be @('variant-london', 'variant-nyc')
            $variants[0].IsDefault | Should -BeTrue
            $variants[0].AttributeValues.site | Should -Be 'London'
            $variants[1].AttributeValues['openingHours'] | Should -Be '08:00-18:00'
            ($variants[0] | ConvertTo-Json | ConvertFrom-Json).AttributeValues.openingHours | Should -Be '09:00-17:00'
            (($variants | ConvertTo-Csv | ConvertFrom-Csv)[1].AttributeValues -split '; ' | Sort-Object) | Should -Be @('openingHours=08:00-18:00', 'site=New York')
        }

        It 'picks ids from the list; an unknown id is VariantNotFound' {
            $variants = Get-PolyAiVariant -AgentId PROJECT-DEMO -VariantId variant-nyc, variant-none -ErrorVariable failures -ErrorAction SilentlyContinue
            $variants.Name | Should -Be 'New York'
            $failures[0].FullyQualifiedErrorId | Should -Be 'VariantNotFound,PolyAI.Agents.Commands.GetPolyAiVariantCommand'
        }

        It 'takes the agent and branch from a piped branch' {
            (Get-PolyAiBranch -AgentId PROJECT-DEMO -Name 'sites' | Get-PolyAiVariant).BranchId | Should -Be @('br-0001', 'br-0001')
        }
    }

    Describe 'New-PolyAiVariant' {
        It 'creates a variant with values from a hashtable (numbers as text) and -Default moves the default' {
            $variant = New-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Leeds' -AttributeValue @{ site = 'Leeds' } -Default -Confirm:$false
            $variant | Should -BeOfType ([PolyAI.Agents.Variant])
            $variant.VariantId | Should -Be 'variant-0001'
            $variant.IsDefault | Should -BeTrue
            $variant.AttributeValues.site | Should -Be 'Leeds'
            (Get-TestRequest -Method POST)[0].body | Should -Be '{"name":"Leeds","attributeValues":{"values":{"site":"Leeds"}},"isDefault":true}'
            (Get-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-london).IsDefault | Should -BeFalse
        }

        It '-WhatIf names the values and sends nothing' {
            $text = Get-HostOutput { New-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Leeds' -AttributeValue ([ordered]@{ site = 'Leeds'; openingHours = '08:00-16:00' }) -WhatIf }
            $text | Should -Match "What if: Create variant 'Leeds' in branch 'br-0001' of agent 'PROJECT-DEMO' with site 'Leeds', openingHours '08:00-16:00'\."
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }

        It 'reports a duplicate name as VariantAlreadyExists and an unknown attribute as the API''s invalid argument' {
            New-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'London' -Confirm:$false -ErrorVariable duplicate -ErrorAction SilentlyContinue
            $duplicate[0].FullyQualifiedErrorId | Should -Be 'VariantAlreadyExists,PolyAI.Agents.Commands.NewPolyAiVariantCommand'
            New-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Leeds' -AttributeValue @{ colour = 'red' } -Confirm:$false -ErrorVariable unknown -ErrorAction SilentlyContinue
            $unknown[0].FullyQualifiedErrorId | Should -Be 'VariantInvalidArgument,PolyAI.Agents.Commands.NewPolyAiVariantCommand'
            $unknown[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'copies a piped variant with its values and default flag into another branch' {
            $copy = Get-PolyAiVariant -AgentId PROJECT-DEMO -VariantId variant-nyc | New-PolyAiVariant -BranchId br-0001 -Name 'New York 2' -Confirm:$false
            $copy.AttributeValues.site | Should -Be 'New York'
            $copy.AttributeValues.openingHours | Should -Be '08:00-18:00'
            $copy.IsDefault | Should -BeFalse
        }

        It 'refuses a value that is not text (a list) before sending' {
            New-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Leeds' -AttributeValue @{ site = @('a', 'b') } -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'VariantAttributeValueInvalid,PolyAI.Agents.Commands.NewPolyAiVariantCommand'
            $failures[0].Exception.Message | Should -Match "'site'"
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }
    }

    Describe 'Set-PolyAiVariant' {
        It '-WhatIf lists each changed value old -> new (removed and added too) and sends nothing' {
            $text = Get-HostOutput { Set-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -Name 'NYC' -AttributeValue ([ordered]@{ openingHours = '07:00-19:00'; site = 'New York'; floor = '3' }) -WhatIf }
            $text | Should -Match "What if: Update variant 'New York' \(variant-nyc\) of branch 'br-0001' of agent 'PROJECT-DEMO': name 'New York' -> 'NYC', attributeValues.openingHours '08:00-18:00' -> '07:00-19:00', attributeValues.floor \(none\) -> '3'"
            $text | Should -Not -Match 'attributeValues.site'
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It 'merges the values given into the variant''s values and sends the whole set; $null removes one' {
            $variant = Set-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -AttributeValue @{ openingHours = $null; site = 'Manhattan' } -PassThru -Confirm:$false
            $variant.AttributeValues.Keys | Should -Be @('site')
            $variant.AttributeValues.site | Should -Be 'Manhattan'
            ((Get-TestRequest -Method PATCH)[0].body | ConvertFrom-Json).attributeValues.values.PSObject.Properties.Name | Should -Be @('site')
        }

        It 'changes variants piped from Get-PolyAiVariant' {
            Get-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 | Set-PolyAiVariant -AttributeValue @{ openingHours = '10:00-16:00' } -Confirm:$false
            (Get-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001).AttributeValues.openingHours | Should -Be @('10:00-16:00', '10:00-16:00')
            (Get-PolyAiVariant -AgentId PROJECT-DEMO).AttributeValues.openingHours | Should -Be @('09:00-17:00', '08:00-18:00')
        }

        It '-Default makes the variant the default; -Default:$false on the default is the API''s DefaultVariantNotRemovable' {
            Set-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -Default -Confirm:$false
            (Get-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 | Where-Object IsDefault).VariantId | Should -Be 'variant-nyc'
            Set-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -Default:$false -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'DefaultVariantNotRemovable,PolyAI.Agents.Commands.SetPolyAiVariantCommand'
        }

        It 'ends at once when nothing would change' {
            { Set-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -Confirm:$false } | Should -Throw -ErrorId 'VariantUpdateEmpty,PolyAI.Agents.Commands.SetPolyAiVariantCommand'
        }
    }

    Describe 'Remove-PolyAiVariant' {
        It '-WhatIf names the variant and removes nothing' {
            $text = Get-HostOutput { Remove-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -WhatIf }
            $text | Should -Match "What if: Remove variant 'New York' \(variant-nyc\) from branch 'br-0001' of agent 'PROJECT-DEMO'\."
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'refuses the default variant before sending when it has read it, with advice' {
            Remove-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-london -Confirm -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'DefaultVariantNotRemovable,PolyAI.Agents.Commands.RemovePolyAiVariantCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Set-PolyAiVariant -VariantId <id> -Default'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'under -Force (nothing read) the API refuses the default with the same error id' {
            Remove-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-london -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'DefaultVariantNotRemovable,PolyAI.Agents.Commands.RemovePolyAiVariantCommand'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
        }

        It 'removes a piped variant and writes nothing' {
            Get-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'New*' | Remove-PolyAiVariant -Force | Should -BeNullOrEmpty
            (Get-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001).VariantId | Should -Be 'variant-london'
        }
    }

    Describe 'Compare-PolyAiBranch and Merge-PolyAiBranch carry attributes and variants' {
        It 'compares them and merges them into main' {
            $null = New-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'floor' -Confirm:$false
            Set-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -AttributeValue @{ openingHours = '07:00-19:00' } -Confirm:$false
            $changes = Compare-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001
            $changes | ForEach-Object { "$($_.Area)/$($_.Change)/$($_.Name)" } | Should -Be @('Attribute/Added/floor', 'Variant/Changed/New York')
            $changes[1].Summary | Should -Be "variant 'New York': changed attributeValues (openingHours)"

            $text = Get-HostOutput { Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -WhatIf }
            $text | Should -Match "attributes: added 'floor'; variants: changed 'New York'"

            $null = Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -Force
            (Get-PolyAiAttribute -AgentId PROJECT-DEMO).Name | Should -Contain 'floor'
            (Get-PolyAiVariant -AgentId PROJECT-DEMO -VariantId variant-nyc).AttributeValues.openingHours | Should -Be '07:00-19:00'
        }
    }

    Describe 'Completion' {
        It 'completes -VariantId of Set-PolyAiConnector from the variants of main, and -AttributeId from the branch given' {
            $line = 'Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-main-live -VariantId variant-'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('variant-london', 'variant-nyc')
            $null = New-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'floor' -Confirm:$false
            $line = 'Remove-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('attr-site', 'attr-hours', 'attr-0001')
        }
    }
}
