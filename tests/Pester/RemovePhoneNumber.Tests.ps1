BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Test-NumberExists {
        param([string] $Number, [string] $AgentId = 'PROJECT-DEMO')
        [bool](Get-TestPhoneNumbers -AgentId $AgentId | Where-Object number -EQ $Number)
    }
}

Describe 'Remove-PolyAiPhoneNumber' {
    BeforeEach { Initialize-TestCase }

    AfterEach { Reset-TestPreference }

    AfterAll { Disconnect-PolyAi }

    Describe 'Remove-PolyAiPhoneNumber: ShouldProcess' {
        It 'is ConfirmImpact High' {
            $attribute = (Get-Command Remove-PolyAiPhoneNumber).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'High'
        }

        It '-WhatIf sends no DELETE and names each number with its environment and connector' {
            $text = Get-HostOutput { Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+15550100099' -WhatIf }
            $text | Should -Match "What if: Remove phone number '\+15550100001' \(sandbox, routed to connector 'conn-sbx-1'\) from agent 'PROJECT-DEMO'\."
            $text | Should -Match "What if: Remove phone number '\+15550100099' \(sandbox, not routed\) from agent 'PROJECT-DEMO'\."
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
            Test-NumberExists '+15550100001' | Should -BeTrue
        }

        It '-WhatIf wins over -Force' {
            Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -Force -WhatIf | Should -BeNullOrEmpty
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It '$WhatIfPreference wins over -Force' {
            $global:WhatIfPreference = $true
            Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+15550100002' -Force | Should -BeNullOrEmpty
            $global:WhatIfPreference = $false
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
            Test-NumberExists '+15550100002' | Should -BeTrue
        }

        It '-WhatIf:$false overrides $WhatIfPreference' {
            $global:WhatIfPreference = $true
            $removal = Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -WhatIf:$false -Force
            $global:WhatIfPreference = $false
            $removal.Number | Should -Be '+15550100001'
        }

        It '-Confirm:$false removes without a prompt' {
            (Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -Confirm:$false).Number | Should -Be '+15550100001'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
        }

        It '-Force removes without a prompt and without the descriptive reads' {
            (Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+15550100002' -Force).Number | Should -Be @('+15550100001', '+15550100002')
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
            (Get-TestRequest -Method GET).Count | Should -Be 0
        }

        It '$ConfirmPreference = None removes without -Force' {
            $global:ConfirmPreference = 'None'
            (Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001').Number | Should -Be '+15550100001'
        }

        It 'asks by default: with no one to answer (-NonInteractive) nothing is removed' {
            $result = Invoke-TestPwsh -Script "Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001'"
            $result.Output | Should -Match 'NonInteractive'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'the prompt names the number and its connector; answering No removes nothing' {
            $result = Invoke-TestPwsh -InputText 'N' -Script "Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001'"
            ($result.Output -replace '\s+', ' ') | Should -Match "Remove phone number '\+15550100001' \(sandbox, routed to connector 'conn-sbx-1'\) from agent 'PROJECT-DEMO'\. The number is released; this cannot be undone\."
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'answering Yes removes' {
            $result = Invoke-TestPwsh -InputText 'Y' -Script "Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' | ForEach-Object { 'removed:' + `$_.Number }"
            $result.Output | Should -Match 'removed:\+15550100001'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
        }

        It '-Confirm with -Force still prompts (explicit -Confirm wins)' {
            $result = Invoke-TestPwsh -InputText 'N' -Script "Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -Force -Confirm"
            $result.Output | Should -Match 'Confirm'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'declining one number at the prompt leaves it out of the bulk request' {
            $result = Invoke-TestPwsh -InputText "Y`nN`nY" -Script "Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+15550100002', '+15550100003' | ForEach-Object { 'removed:' + `$_.Number }"
            ($result.Output -split "`n" | Where-Object { $_ -like 'removed:*' }) | Should -Be @('removed:+15550100001', 'removed:+15550100003') -Because $result.Output
            ((Get-TestRequest -Method DELETE)[0].body | ConvertFrom-Json).phoneNumbers | Should -Be @('+15550100001', '+15550100003')
            Test-NumberExists '+15550100002' | Should -BeTrue
        }
    }

    Describe 'Remove-PolyAiPhoneNumber: endpoints and output' {
        It 'one number: the single DELETE with the + in the path and no body; a typed removal record' {
            $removal = Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -Force
            $removal | Should -BeOfType ([PolyAI.Agents.PhoneNumberRemoval])
            $removal.AgentId, $removal.Number | Should -Be @('PROJECT-DEMO', '+15550100001')
            $deletes = Get-TestRequest -Method DELETE
            $deletes.Count | Should -Be 1
            $deletes[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+15550100001'
            $deletes[0].body | Should -BeNullOrEmpty
            Test-NumberExists '+15550100001' | Should -BeFalse
        }

        It 'several numbers: one bulk DELETE with the numbers as its JSON body' {
            $removals = Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100003', '+15550100001' -Force
            $removals.Number | Should -Be @('+15550100003', '+15550100001')
            $deletes = Get-TestRequest -Method DELETE
            $deletes.Count | Should -Be 1
            $deletes[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/phone-numbers'
            $deletes[0].body | Should -Be '{"phoneNumbers":["+15550100003","+15550100001"]}'
            Test-NumberExists '+15550100003' | Should -BeFalse
        }

        It 'Get-PolyAiPhoneNumber | Remove-PolyAiPhoneNumber -Force releases what was listed, with one bulk DELETE' {
            $removals = Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 | Remove-PolyAiPhoneNumber -Force
            $removals.Number | Should -Be @('+15550100001', '+15550100002')
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
            Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 | Should -BeNullOrEmpty
            Get-TestConnectorIds | Should -Contain 'conn-sbx-1' -Because 'releasing numbers leaves the connector'
        }

        It 'one number piped from Get-PolyAiPhoneNumber uses the single DELETE' {
            Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100099' | Remove-PolyAiPhoneNumber -Force | Out-Null
            (Get-TestRequest -Method DELETE)[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+15550100099'
        }

        It 'takes numbers piped as strings and as CSV rows' {
            ('+15550100001', '+15550100002' | Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -Force).Number | Should -Be @('+15550100001', '+15550100002')
            $csv = Join-Path $TestDrive 'release.csv'
            'Number', '+15550100003', '+15550100004' | Set-Content -LiteralPath $csv
            (Import-Csv -LiteralPath $csv | Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -Force).Number | Should -Be @('+15550100003', '+15550100004')
            (Get-TestRequest -Method DELETE).Count | Should -Be 2
        }

        It 'a partial failure: N numbers give exactly N removals and errors, in input order' {
            $removals = Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+19990000001', '+15550100002', '+15550200001' -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $removals.Number | Should -Be @('+15550100001', '+15550100002')
            $failures.TargetObject | Should -Be @('+19990000001', '+15550200001')
            $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'PhoneNumberNotFound,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].ErrorDetails.Message | Should -Match "Phone number '\+19990000001' was not found"
            (@($removals).Count + $failures.Count) | Should -Be 4
            Test-NumberExists '+15550200001' -AgentId PROJECT-OTHER | Should -BeTrue -Because 'a number of another agent is not touched'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
        }

        It 'under -ErrorAction Stop every number released is written before the first failure stops the command' {
            $written = [System.Collections.Generic.List[object]]::new()
            $caught = $null
            try { Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+19990000001', '+15550100001', '+15550100002' -Force -ErrorAction Stop | ForEach-Object { $written.Add($_) } }
            catch { $caught = $_ }
            $written.Number | Should -Be @('+15550100001', '+15550100002')
            $caught.FullyQualifiedErrorId | Should -Be 'PhoneNumberNotFound,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
        }

        It 'one unknown number is PhoneNumberNotFound from the single DELETE' {
            Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+19990000001' -Force -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'PhoneNumberNotFound,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
            $failures[0].ErrorDetails.Message | Should -Match 'PHONE_NUMBERS_NOT_FOUND'
        }

        It 'reports an unknown number under -WhatIf (read first) without deleting anything' {
            Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+19990000001', '+15550100001' -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.TargetObject | Should -Be @('+19990000001')
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'removes a number given twice once' {
            @(Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+15550100001' -Force).Count | Should -Be 1
            (Get-TestRequest -Method DELETE)[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+15550100001'
        }

        It 'sends more than 100 numbers in bulk requests of 100' {
            New-PolyAiEmulatorData -Emulator (Get-TestEmulator) -AgentId PROJECT-BULK -Connectors 0 -NumbersPerConnector 0 -UnroutedNumbers 150 -Confirm:$false | Out-Null
            $removals = Get-PolyAiPhoneNumber -AgentId PROJECT-BULK | Remove-PolyAiPhoneNumber -Force
            @($removals).Count | Should -Be 150
            $deletes = Get-TestRequest -Method DELETE
            # The two requests run concurrently (-ThrottleLimit), so they may reach the server in either order.
            ($deletes | ForEach-Object { @(($_.body | ConvertFrom-Json).phoneNumbers).Count }) | Sort-Object | Should -Be @(50, 100)
            Get-PolyAiPhoneNumber -AgentId PROJECT-BULK | Should -BeNullOrEmpty
        }

        It 'refuses a number that is not E.164 before any request' {
            { Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+1 555 010 0002' -Force } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'a bulk request refused as a whole (403) is one error per number' {
            Remove-PolyAiPhoneNumber -AgentId PROJECT-LOCKED -PhoneNumber '+15550100001', '+15550100002' -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.TargetObject | Should -Be @('+15550100001', '+15550100002')
            $failures[0].FullyQualifiedErrorId | Should -Be 'PhoneNumberAccessDenied,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
        }

        It 'stops at a wrong key (401)' {
            Connect-TestEmulator -ApiKey 'wrong-key'
            { Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+15550100002' -Force } |
                Should -Throw -ErrorId 'PolyAiAuthenticationFailed,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
            Test-NumberExists '+15550100001' | Should -BeTrue
        }
    }

    Describe 'Remove-PolyAiPhoneNumber: a lost response' {
        AfterEach { Clear-PolyAiEmulatorFault -Emulator (Get-TestEmulator) -Confirm:$false }

        It 'a bulk DELETE retried after its response was lost reports the numbers it no longer finds as RemovalUnconfirmed' {
            Connect-TestEmulator -MaxRetry 1
            Add-PolyAiEmulatorFault -Emulator (Get-TestEmulator) -Rule @{ method = 'DELETE'; pathContains = '/phone-numbers'; times = 1; afterHandler = $true } -Confirm:$false | Out-Null
            $removals = Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+15550100002' -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $removals | Should -BeNullOrEmpty
            $failures.Count | Should -Be 2
            $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'PhoneNumberRemovalUnconfirmed,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
            $failures[0].ErrorDetails.Message | Should -Match 'earlier attempt'
            (Get-TestRequest -Method DELETE).Count | Should -Be 2
            Test-NumberExists '+15550100001' | Should -BeFalse -Because 'the first attempt did release it'
        }

        It 'a single DELETE retried after its response was lost reports RemovalUnconfirmed' {
            Connect-TestEmulator -MaxRetry 1
            Add-PolyAiEmulatorFault -Emulator (Get-TestEmulator) -Rule @{ method = 'DELETE'; pathContains = '/phone-numbers/'; times = 1; afterHandler = $true } -Confirm:$false | Out-Null
            Remove-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -Force -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'PhoneNumberRemovalUnconfirmed,PolyAI.Agents.Commands.RemovePolyAiPhoneNumberCommand'
        }
    }
}
