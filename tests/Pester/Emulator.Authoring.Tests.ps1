# The emulator's agents (A2-A4), attributes and variants (V1-V8) and the authoring rules they share with behavior
# and topics (branch copies, main read-only, three-way merge, conflicts in every error shape), over plain HTTP: the
# cmdlets for variants are written separately, so these hold the emulator to its spec on its own.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator = Get-TestEmulator
    $agent = '/v1/agents/PROJECT-DEMO'

    function Invoke-Api([string] $Method, [string] $Path, $Body) { Invoke-EmulatorApi -Method $Method -Path $Path -Body $Body }

    function New-Branch([string] $Name = 'wip') { (Invoke-Api POST "$agent/branches" @{ branchName = $Name }).Json.branchId }

    function Get-Values($Variant) {
        # attributeValues.values as a sorted "name=value" list.
        @($Variant.attributeValues.values.PSObject.Properties | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" })
    }

    function Get-Variant([string] $BranchId, [string] $VariantId) {
        (Invoke-Api GET "$agent/branches/$BranchId/variants").Json.variants | Where-Object id -EQ $VariantId
    }
}

Describe 'The emulator: attributes and variants (V1-V8)' {
    BeforeEach { Reset-TestEmulator }

    Context 'seeds and shapes' {
        It 'seeds main of PROJECT-DEMO with two attributes and two variants, London the default (<Seed> seed)' -ForEach @(@{ Seed = 'demo' }, @{ Seed = 'empty' }) {
            Reset-TestEmulator -Seed $Seed
            $attributes = Invoke-Api GET "$agent/branches/main/attributes"
            $attributes.Status | Should -Be 200
            $attributes.Json.PSObject.Properties.Name | Should -Be 'attributes'
            $attributes.Json.attributes | ForEach-Object { "$($_.id):$($_.name)" } | Should -Be @('attr-site:site', 'attr-hours:openingHours')

            $variants = (Invoke-Api GET "$agent/branches/main/variants").Json.variants
            $variants.id | Should -Be @('variant-london', 'variant-nyc')
            $variants[0].PSObject.Properties.Name | Should -Be @('id', 'name', 'isDefault', 'attributeValues')
            ($variants[0].name, $variants[0].isDefault) | Should -Be @('London', $true)
            Get-Values $variants[0] | Should -Be @('openingHours=09:00-17:00', 'site=London')
            ($variants[1].name, $variants[1].isDefault) | Should -Be @('New York', $false)
            Get-Values $variants[1] | Should -Be @('openingHours=08:00-18:00', 'site=New York')
        }

        It 'has no attributes or variants on PROJECT-OTHER' {
            (Invoke-Api GET '/v1/agents/PROJECT-OTHER/branches/main/attributes').Json.attributes | Should -BeNullOrEmpty
            (Invoke-Api GET '/v1/agents/PROJECT-OTHER/branches/main/variants').Json.variants | Should -BeNullOrEmpty
            (Invoke-Api GET '/v1/agents/PROJECT-OTHER/branches/main/variants').Text | Should -Be '{"variants":[]}'
        }

        It 'answers an unknown agent with 404 PROJECT_NOT_FOUND and a forbidden one with 403 (<Target>)' -ForEach @(
            @{ Target = '/v1/agents/PROJECT-NOPE/branches/main/variants'; Status = 404; Code = 'PROJECT_NOT_FOUND' }
            @{ Target = '/v1/agents/PROJECT-LOCKED/branches/main/attributes'; Status = 403; Code = 'USER_ACCESS_FORBIDDEN' }
        ) {
            $response = Invoke-Api GET $Target
            ($response.Status, $response.Json.error_code) | Should -Be @($Status, $Code)
        }

        It 'answers an unknown branch, attribute or variant with 404 and its code (<Code>)' -ForEach @(
            @{ Method = 'GET'; Path = 'br-9999/attributes'; Body = $null; Code = 'BRANCH_NOT_FOUND' }
            @{ Method = 'PATCH'; Path = '{branch}/attributes/attr-none'; Body = @{ name = 'x' }; Code = 'ATTRIBUTES_NOT_FOUND' }
            @{ Method = 'DELETE'; Path = '{branch}/attributes/attr-none'; Body = $null; Code = 'ATTRIBUTES_NOT_FOUND' }
            @{ Method = 'PATCH'; Path = '{branch}/variants/variant-none'; Body = @{ name = 'x' }; Code = 'VARIANTS_NOT_FOUND' }
            @{ Method = 'DELETE'; Path = '{branch}/variants/variant-none'; Body = $null; Code = 'VARIANTS_NOT_FOUND' }
        ) {
            $branch = New-Branch
            $response = Invoke-Api $Method "$agent/branches/$($Path.Replace('{branch}', $branch))" $Body
            ($response.Status, $response.Json.error_code) | Should -Be @(404, $Code)
        }
    }

    Context 'attributes' {
        It 'creates an attribute with 201 and the next id, and lists it after the copied ones' {
            $branch = New-Branch
            $created = Invoke-Api POST "$agent/branches/$branch/attributes" @{ name = 'floor' }
            $created.Status | Should -Be 201
            $created.Text | Should -Be '{"id":"attr-0001","name":"floor"}'
            (Invoke-Api GET "$agent/branches/$branch/attributes").Json.attributes.id | Should -Be @('attr-site', 'attr-hours', 'attr-0001')
            (Invoke-Api GET "$agent/branches/main/attributes").Json.attributes.id | Should -Not -Contain 'attr-0001'
        }

        It 'refuses a name the branch has with 409 ATTRIBUTES_NAME_ALREADY_EXISTS, on create and on rename' {
            $branch = New-Branch
            $create = Invoke-Api POST "$agent/branches/$branch/attributes" @{ name = 'site' }
            ($create.Status, $create.Json.error_code) | Should -Be @(409, 'ATTRIBUTES_NAME_ALREADY_EXISTS')
            $rename = Invoke-Api PATCH "$agent/branches/$branch/attributes/attr-hours" @{ name = 'site' }
            ($rename.Status, $rename.Json.error_code) | Should -Be @(409, 'ATTRIBUTES_NAME_ALREADY_EXISTS')
        }

        It 'refuses a body the schema refuses with 400 VALIDATION_ERROR (<Body>)' -ForEach @(
            @{ Body = '{}' }
            @{ Body = '{"name":""}' }
            @{ Body = '{"name":7}' }
            @{ Body = '{"name":"x","id":"attr-9"}' }
            @{ Body = '[]' }
        ) {
            $response = Invoke-Api POST "$agent/branches/$(New-Branch)/attributes" $Body
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        }

        It 'renames an attribute (200, the attribute) and every variant''s value follows the new name' {
            $branch = New-Branch
            $renamed = Invoke-Api PATCH "$agent/branches/$branch/attributes/attr-site" @{ name = 'location' }
            $renamed.Status | Should -Be 200
            $renamed.Text | Should -Be '{"id":"attr-site","name":"location"}'
            Get-Values (Get-Variant $branch variant-london) | Should -Be @('location=London', 'openingHours=09:00-17:00')
            Get-Values (Get-Variant $branch variant-nyc) | Should -Be @('location=New York', 'openingHours=08:00-18:00')
            Get-Values (Get-Variant main variant-london) | Should -Be @('openingHours=09:00-17:00', 'site=London')
        }

        It 'deletes an attribute (200 {"id"}) and its value goes from every variant' {
            $branch = New-Branch
            $deleted = Invoke-Api DELETE "$agent/branches/$branch/attributes/attr-hours"
            $deleted.Status | Should -Be 200
            $deleted.Text | Should -Be '{"id":"attr-hours"}'
            (Invoke-Api GET "$agent/branches/$branch/attributes").Json.attributes.id | Should -Be @('attr-site')
            Get-Values (Get-Variant $branch variant-london) | Should -Be @('site=London')
            Get-Values (Get-Variant $branch variant-nyc) | Should -Be @('site=New York')
        }
    }

    Context 'variants' {
        It 'creates a variant with 201 and the next id; values default to none and it is not the default' {
            $branch = New-Branch
            $created = Invoke-Api POST "$agent/branches/$branch/variants" @{ name = 'Paris' }
            $created.Status | Should -Be 201
            $created.Text | Should -Be '{"id":"variant-0001","name":"Paris","isDefault":false,"attributeValues":{"values":{}}}'
            $second = Invoke-Api POST "$agent/branches/$branch/variants" @{ name = 'Berlin'; attributeValues = @{ values = @{ site = 'Berlin' } } }
            $second.Json.id | Should -Be 'variant-0002'
            Get-Values $second.Json | Should -Be @('site=Berlin')
            (Invoke-Api GET "$agent/branches/$branch/variants").Json.variants.id | Should -Be @('variant-london', 'variant-nyc', 'variant-0001', 'variant-0002')
        }

        It 'refuses a name the branch has with 409 VARIANTS_DUPLICATE_NAME_ERROR (id 26002), on create and on update' {
            $branch = New-Branch
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $create = Invoke-Api POST "$agent/branches/$branch/variants" @{ name = 'London' }
            ($create.Status, $create.Json.error.code, $create.Json.error.id) | Should -Be @(409, 'VARIANTS_DUPLICATE_NAME_ERROR', 26002)
            $update = Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ name = 'London' }
            ($update.Status, $update.Json.error.code) | Should -Be @(409, 'VARIANTS_DUPLICATE_NAME_ERROR')
            (Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ name = 'New York' }).Status | Should -Be 200
        }

        It 'refuses a value for an attribute the branch does not have with 400 VARIANTS_BAD_ATTRIBUTES_ERROR (id 26001), on <Method>' -ForEach @(
            @{ Method = 'POST'; Path = 'variants' }
            @{ Method = 'PATCH'; Path = 'variants/variant-nyc' }
        ) {
            $branch = New-Branch
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Invoke-Api $Method "$agent/branches/$branch/$Path" @{ name = 'Rome'; attributeValues = @{ values = @{ site = 'Rome'; floor = '2' } } }
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(400, 'VARIANTS_BAD_ATTRIBUTES_ERROR', 26001)
            $response.Json.error.message | Should -Match "'floor'"
            (Invoke-Api GET "$agent/branches/$branch/variants").Json.variants.name | Should -Be @('London', 'New York')
        }

        It 'refuses a body the schema refuses with 400 VALIDATION_ERROR (<Body>)' -ForEach @(
            @{ Body = '{"attributeValues":{"values":{}}}' }
            @{ Body = '{"name":"Rome","attributeValues":{"values":{"site":5}}}' }
            @{ Body = '{"name":"Rome","attributeValues":{"site":"Rome"}}' }
            @{ Body = '{"name":"Rome","isDefault":"yes"}' }
            @{ Body = '{"name":"Rome","description":"x"}' }
        ) {
            $response = Invoke-Api POST "$agent/branches/$(New-Branch)/variants" $Body
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        }

        It 'replaces all of a variant''s values with attributeValues.values, and sets only the fields given' {
            $branch = New-Branch
            $updated = Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ attributeValues = @{ values = @{ site = 'NYC' } } }
            $updated.Status | Should -Be 200
            ($updated.Json.id, $updated.Json.name, $updated.Json.isDefault) | Should -Be @('variant-nyc', 'New York', $false)
            Get-Values $updated.Json | Should -Be @('site=NYC')
            $renamed = Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ name = 'Manhattan' }
            Get-Values $renamed.Json | Should -Be @('site=NYC')
        }

        It 'moves the default with isDefault true, on create and on update: a branch has one default' {
            $branch = New-Branch
            $paris = Invoke-Api POST "$agent/branches/$branch/variants" @{ name = 'Paris'; isDefault = $true }
            $paris.Json.isDefault | Should -BeTrue
            $variants = (Invoke-Api GET "$agent/branches/$branch/variants").Json.variants
            ($variants | Where-Object isDefault).id | Should -Be 'variant-0001'

            (Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ isDefault = $true }).Json.isDefault | Should -BeTrue
            ((Invoke-Api GET "$agent/branches/$branch/variants").Json.variants | Where-Object isDefault).id | Should -Be 'variant-nyc'
        }

        It 'refuses to make the default non-default or to delete it: 400 VARIANTS_REMOVE_DEFAULT_ERROR (id 26003) (<Method>)' -ForEach @(
            @{ Method = 'PATCH'; Body = @{ isDefault = $false } }
            @{ Method = 'DELETE'; Body = $null }
        ) {
            $branch = New-Branch
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Invoke-Api $Method "$agent/branches/$branch/variants/variant-london" $Body
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(400, 'VARIANTS_REMOVE_DEFAULT_ERROR', 26003)
            (Get-Variant $branch variant-london).isDefault | Should -BeTrue
        }

        It 'deletes a variant that is not the default: 200 {"id"}; isDefault false on it changes nothing' {
            $branch = New-Branch
            (Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ isDefault = $false }).Json.isDefault | Should -BeFalse
            $deleted = Invoke-Api DELETE "$agent/branches/$branch/variants/variant-nyc"
            $deleted.Status | Should -Be 200
            $deleted.Text | Should -Be '{"id":"variant-nyc"}'
            (Invoke-Api GET "$agent/branches/$branch/variants").Json.variants.id | Should -Be @('variant-london')
        }

        It 'makes the first variant of a branch without variants its default' {
            $created = Invoke-Api POST '/v1/agents' @{ name = 'Clinic'; responseSettings = @{ greeting = 'Hello' }; voiceSettings = @{ voiceId = 'v' } }
            $clinic = "/v1/agents/$($created.Json.agentId)"
            $branch = (Invoke-Api POST "$clinic/branches" @{ branchName = 'sites' }).Json.branchId
            (Invoke-Api GET "$clinic/branches/$branch/variants").Json.variants | Should -BeNullOrEmpty
            (Invoke-Api POST "$clinic/branches/$branch/variants" @{ name = 'Only'; isDefault = $false }).Json.isDefault | Should -BeTrue
            (Invoke-Api POST "$clinic/branches/$branch/variants" @{ name = 'Second' }).Json.isDefault | Should -BeFalse
        }

        It 'gives unique ids to variants created at the same time' {
            $branch = New-Branch
            $uri = "$($emulator.BaseUri)$agent/branches/$branch/variants"
            $key = $emulator.ApiKey
            $ids = 1..24 | ForEach-Object -ThrottleLimit 8 -Parallel {
                (Invoke-RestMethod -Method POST -Uri $using:uri -Headers @{ 'x-api-key' = $using:key } -ContentType 'application/json' -Body "{`"name`":`"v$_`"}").id
            }
            @($ids | Sort-Object -Unique).Count | Should -Be 24
            @((Invoke-Api GET "$agent/branches/$branch/variants").Json.variants).Count | Should -Be 26
        }
    }
}

Describe 'The emulator: branch content (behavior, topics, attributes, variants)' {
    BeforeEach { Reset-TestEmulator }

    It 'refuses every write to main with 400 VALIDATION_ERROR "main is read-only", and leaves main as it was (<Method> <Path>)' -ForEach @(
        @{ Method = 'PATCH'; Path = 'behavior'; Body = @{ behavior = 'x' } }
        @{ Method = 'POST'; Path = 'knowledge-base/topics'; Body = @{ name = 'Wifi'; content = 'Free.' } }
        @{ Method = 'PATCH'; Path = 'knowledge-base/topics/t-hours'; Body = @{ content = 'x' } }
        @{ Method = 'DELETE'; Path = 'knowledge-base/topics/t-hours'; Body = $null }
        @{ Method = 'POST'; Path = 'attributes'; Body = @{ name = 'floor' } }
        @{ Method = 'PATCH'; Path = 'attributes/attr-site'; Body = @{ name = 'location' } }
        @{ Method = 'DELETE'; Path = 'attributes/attr-site'; Body = $null }
        @{ Method = 'POST'; Path = 'variants'; Body = @{ name = 'Paris' } }
        @{ Method = 'PATCH'; Path = 'variants/variant-nyc'; Body = @{ name = 'NYC' } }
        @{ Method = 'DELETE'; Path = 'variants/variant-nyc'; Body = $null }
    ) {
        $before = (Get-PolyAiEmulatorState -Emulator $emulator).agents[0].branches[0] | ConvertTo-Json -Depth 10
        $response = Invoke-Api $Method "$agent/branches/main/$Path" $Body
        ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        $response.Json.error_message | Should -Be 'main is read-only: change a branch and merge it.'
        (Get-PolyAiEmulatorState -Emulator $emulator).agents[0].branches[0] | ConvertTo-Json -Depth 10 | Should -Be $before
    }

    It 'copies main''s attributes and variants (same ids) into a new branch, independent of main from then on' {
        $branch = New-Branch
        (Invoke-Api GET "$agent/branches/$branch/attributes").Text | Should -Be (Invoke-Api GET "$agent/branches/main/attributes").Text
        (Invoke-Api GET "$agent/branches/$branch/variants").Text | Should -Be (Invoke-Api GET "$agent/branches/main/variants").Text
        $null = Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ name = 'NYC' }
        (Get-Variant main variant-nyc).name | Should -Be 'New York'
    }

    It 'merges the branch''s attributes and variants into main: added, renamed, changed values and a moved default' {
        $branch = New-Branch
        $null = Invoke-Api POST "$agent/branches/$branch/attributes" @{ name = 'floor' }
        $null = Invoke-Api PATCH "$agent/branches/$branch/attributes/attr-site" @{ name = 'location' }
        $null = Invoke-Api PATCH "$agent/branches/$branch/variants/variant-nyc" @{ attributeValues = @{ values = @{ location = 'NYC'; openingHours = '07:00-19:00'; floor = '3' } }; isDefault = $true }
        $null = Invoke-Api POST "$agent/branches/$branch/variants" @{ name = 'Paris'; attributeValues = @{ values = @{ location = 'Paris' } } }

        $merge = Invoke-Api POST "$agent/branches/$branch/merge" @{ deploymentMessage = 'Sites' }
        $merge.Status | Should -Be 200
        $merge.Text | Should -Match '^\{"sequence":"seq-\d{4}","message":"Merged branch ''wip'' into main\.","testRunIds":\[\]\}$'
        (Invoke-Api GET "$agent/branches/main/attributes").Json.attributes | ForEach-Object { "$($_.id):$($_.name)" } | Should -Be @('attr-site:location', 'attr-hours:openingHours', 'attr-0001:floor')
        $variants = (Invoke-Api GET "$agent/branches/main/variants").Json.variants
        $variants.id | Should -Be @('variant-london', 'variant-nyc', 'variant-0001')
        ($variants | Where-Object isDefault).id | Should -Be 'variant-nyc'
        Get-Values $variants[0] | Should -Be @('location=London', 'openingHours=09:00-17:00')
        Get-Values $variants[1] | Should -Be @('floor=3', 'location=NYC', 'openingHours=07:00-19:00')
        Get-Values $variants[2] | Should -Be @('location=Paris')
        (Invoke-Api POST "$agent/branches/$branch/merge").Status | Should -Be 200 -Because 'a second merge is clean'
    }

    It 'applies a variant deleted in the branch to main, and keeps what main changed meanwhile elsewhere' {
        $first = New-Branch 'first'; $second = New-Branch 'second'
        $null = Invoke-Api DELETE "$agent/branches/$first/variants/variant-nyc"
        $null = Invoke-Api PATCH "$agent/branches/$second/variants/variant-london" @{ name = 'Greater London' }
        (Invoke-Api POST "$agent/branches/$second/merge").Status | Should -Be 200
        (Invoke-Api POST "$agent/branches/$first/merge").Status | Should -Be 200
        (Invoke-Api GET "$agent/branches/main/variants").Json.variants | ForEach-Object { "$($_.id):$($_.name)" } | Should -Be 'variant-london:Greater London'
    }

    It 'reports a variant value both sides changed as a 409 BRANCH_MERGE_CONFLICT with data.conflicts, and merges nothing' {
        $first = New-Branch 'first'; $second = New-Branch 'second'
        $null = Invoke-Api PATCH "$agent/branches/$first/variants/variant-nyc" @{ attributeValues = @{ values = @{ site = 'NYC'; openingHours = '08:00-18:00' } } }
        $null = Invoke-Api PATCH "$agent/branches/$second/variants/variant-nyc" @{ attributeValues = @{ values = @{ site = 'Big Apple'; openingHours = '08:00-18:00' } }; name = 'Big Apple' }
        $null = Invoke-Api PATCH "$agent/branches/$second/behavior" @{ behavior = 'Be brief.' }
        (Invoke-Api POST "$agent/branches/$first/merge").Status | Should -Be 200

        $conflict = Invoke-Api POST "$agent/branches/$second/merge"
        $conflict.Status | Should -Be 409
        ($conflict.Json.error_code, $conflict.Json.error_message) | Should -Be @('BRANCH_MERGE_CONFLICT', "Branch 'second' conflicts with main on 1 path(s).")
        $conflict.Json.data.conflicts.Count | Should -Be 1
        $conflict.Json.data.conflicts[0].path | Should -Be @('variants', 'variant-nyc', 'attributeValues', 'site')
        ($conflict.Json.data.conflicts[0].ours, $conflict.Json.data.conflicts[0].theirs, $conflict.Json.data.conflicts[0].base) | Should -Be @('Big Apple', 'NYC', 'New York')
        (Get-Variant main variant-nyc).name | Should -Be 'New York' -Because 'nothing is applied'
        (Invoke-Api GET "$agent/branches/main/behavior").Json.behavior | Should -Not -Be 'Be brief.'

        $resolved = Invoke-Api POST "$agent/branches/$second/merge" @{ conflictResolutions = @(@{ path = @('variants', 'variant-nyc', 'attributeValues', 'site'); strategy = 'base' }) }
        $resolved.Status | Should -Be 200
        $nyc = Get-Variant main variant-nyc
        $nyc.name | Should -Be 'Big Apple'
        Get-Values $nyc | Should -Be @('openingHours=08:00-18:00', 'site=New York')
        (Invoke-Api GET "$agent/branches/main/behavior").Json.behavior | Should -Be 'Be brief.'
    }

    It 'resolves a conflict with the value given, and conflicts on a whole item deleted on one side and changed on the other' {
        $first = New-Branch 'first'; $second = New-Branch 'second'
        $null = Invoke-Api PATCH "$agent/branches/$first/behavior" @{ behavior = 'First.' }
        $null = Invoke-Api DELETE "$agent/branches/$first/knowledge-base/topics/t-parking"
        $null = Invoke-Api PATCH "$agent/branches/$second/behavior" @{ behavior = 'Second.' }
        $null = Invoke-Api PATCH "$agent/branches/$second/knowledge-base/topics/t-parking" @{ content = 'Paid parking.' }
        $null = Invoke-Api POST "$agent/branches/$first/merge"

        $conflict = Invoke-Api POST "$agent/branches/$second/merge"
        $conflict.Json.data.conflicts | ForEach-Object { $_.path -join '/' } | Should -Be @('behavior', 'knowledgeBase/topics/t-parking')
        $topic = $conflict.Json.data.conflicts[1]
        $topic.ours.content | Should -Be 'Paid parking.'
        $topic.theirs | Should -BeNullOrEmpty
        $topic.base.content | Should -Be 'Free parking behind the building.'

        $resolutions = @(
            @{ path = @('behavior'); strategy = 'ours'; value = 'Both.' }
            @{ path = @('knowledgeBase', 'topics', 't-parking'); strategy = 'ours' }
        )
        (Invoke-Api POST "$agent/branches/$second/merge" @{ conflictResolutions = $resolutions }).Status | Should -Be 200
        (Invoke-Api GET "$agent/branches/main/behavior").Json.behavior | Should -Be 'Both.'
        (Invoke-Api GET "$agent/branches/main/knowledge-base/topics/t-parking").Json.content | Should -Be 'Paid parking.'
    }

    It 'carries the conflicts in every error shape (<Shape>)' -ForEach @(
        @{ Shape = 'envelope'; Conflicts = { param($body) $body.data.conflicts } }
        @{ Shape = 'nested'; Conflicts = { param($body) $body.conflicts } }
        @{ Shape = 'validation'; Conflicts = { param($body) $body.conflicts } }
    ) {
        $first = New-Branch 'first'; $second = New-Branch 'second'
        $null = Invoke-Api PATCH "$agent/branches/$first/behavior" @{ behavior = 'First.' }
        $null = Invoke-Api PATCH "$agent/branches/$second/behavior" @{ behavior = 'Second.' }
        $null = Invoke-Api POST "$agent/branches/$first/merge"
        Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape $Shape
        $conflict = Invoke-Api POST "$agent/branches/$second/merge"
        $conflict.Status | Should -Be 409
        $conflicts = & $Conflicts $conflict.Json
        $conflicts[0].path | Should -Be 'behavior'
        ($conflicts[0].ours, $conflicts[0].theirs) | Should -Be @('Second.', 'First.')
        $conflicts[0].base | Should -Match '^You are the front desk of Demo Dental\.'
    }

    It 'refuses a merge body the schema refuses with 400 VALIDATION_ERROR (<Body>)' -ForEach @(
        @{ Body = '{"message":"x"}' }
        @{ Body = '{"conflictResolutions":[{"path":["behavior"],"strategy":"mine"}]}' }
        @{ Body = '{"conflictResolutions":[{"path":[],"strategy":"ours"}]}' }
        @{ Body = '{"conflictResolutions":[{"path":["behavior"],"strategy":"ours","note":"x"}]}' }
    ) {
        $response = Invoke-Api POST "$agent/branches/$(New-Branch)/merge" $Body
        ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
    }

    It 'restarts every id counter on reset' {
        $branch = New-Branch
        $null = Invoke-Api POST "$agent/branches/$branch/attributes" @{ name = 'floor' }
        $null = Invoke-Api POST "$agent/branches/$branch/variants" @{ name = 'Paris' }
        $null = Invoke-Api POST "$agent/branches/$branch/knowledge-base/topics" @{ name = 'Wifi'; content = 'Free.' }
        $null = Invoke-Api POST '/v1/agents' @{ name = 'Clinic'; responseSettings = @{ greeting = 'Hello' }; voiceSettings = @{ voiceId = 'v' } }
        Reset-TestEmulator
        $again = Invoke-Api POST "$agent/branches" @{ branchName = 'again' }
        $again.Text | Should -Be '{"branchId":"br-0001","sequenceId":"seq-0001"}'
        (Invoke-Api POST "$agent/branches/br-0001/attributes" @{ name = 'floor' }).Json.id | Should -Be 'attr-0001'
        (Invoke-Api POST "$agent/branches/br-0001/variants" @{ name = 'Paris' }).Json.id | Should -Be 'variant-0001'
        (Invoke-Api POST "$agent/branches/br-0001/knowledge-base/topics" @{ name = 'Wifi'; content = 'Free.' }).Json.id | Should -Be 't-0001'
        (Invoke-Api POST '/v1/agents' @{ name = 'Clinic'; responseSettings = @{ greeting = 'Hello' }; voiceSettings = @{ voiceId = 'v' } }).Json.agentId | Should -Be 'PROJECT-NEW0001'
        (Invoke-Api GET '/v1/agents').Json.agentId | Should -Be @('PROJECT-DEMO', 'PROJECT-OTHER', 'PROJECT-NEW0001')
    }
}

Describe 'The emulator: agents (A2-A4)' {
    BeforeEach { Reset-TestEmulator }

    It 'creates an agent: 200 with the six fields, one branch, main saying the greeting, no topics, variants or telephony' {
        $created = Invoke-Api POST '/v1/agents' @{ name = 'Clinic'; agentId = 'CLINIC-1'; responseSettings = @{ greeting = 'Hello'; languageCode = 'en-US' }; voiceSettings = @{ voiceId = 'v' }; llmSettings = @{ modelId = 'm' } }
        $created.Status | Should -Be 200
        $created.Json.PSObject.Properties.Name | Should -Be @('accountId', 'agentId', 'agentName', 'createdAt', 'updatedAt', 'branchCount')
        ($created.Json.accountId, $created.Json.agentId, $created.Json.agentName, $created.Json.branchCount) | Should -Be @('ws-demo01', 'CLINIC-1', 'Clinic', 1)
        $created.Json.createdAt | Should -BeOfType ([datetime])
        (Invoke-Api GET '/v1/agents/CLINIC-1/branches/main/behavior').Text | Should -Be '{"behavior":"Greet callers with: Hello"}'
        (Invoke-Api GET '/v1/agents/CLINIC-1/branches/main/knowledge-base/topics').Text | Should -Be '[]'
        (Invoke-Api GET '/v1/agents/CLINIC-1/branches/main/variants').Text | Should -Be '{"variants":[]}'
        (Invoke-Api GET '/v1/agents/CLINIC-1/telephony/connectors').Text | Should -Be '{"connectors":[]}'
    }

    It 'refuses a body the schema refuses with 400 VALIDATION_ERROR (<What>)' -ForEach @(
        @{ What = 'the introduction''s {name, description}'; Body = '{"name":"Clinic","description":"A clinic"}' }
        @{ What = 'no voiceSettings'; Body = '{"name":"Clinic","responseSettings":{"greeting":"Hi"}}' }
        @{ What = 'an empty greeting'; Body = '{"name":"Clinic","responseSettings":{"greeting":""},"voiceSettings":{"voiceId":"v"}}' }
        @{ What = 'an unknown nested property'; Body = '{"name":"Clinic","responseSettings":{"greeting":"Hi","tone":"warm"},"voiceSettings":{"voiceId":"v"}}' }
        @{ What = 'an agent id with a space'; Body = '{"name":"Clinic","agentId":"has space","responseSettings":{"greeting":"Hi"},"voiceSettings":{"voiceId":"v"}}' }
        @{ What = 'a name of 101 characters'; Body = "{`"name`":`"$('x' * 101)`",`"responseSettings`":{`"greeting`":`"Hi`"},`"voiceSettings`":{`"voiceId`":`"v`"}}" }
    ) {
        $response = Invoke-Api POST '/v1/agents' $Body
        ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        @((Invoke-Api GET '/v1/agents').Json).Count | Should -Be 2
    }

    It 'refuses an agent id that exists with 409 PROJECT_ID_ALREADY_EXISTS (id 15005), also a forbidden one (<Id>)' -ForEach @(@{ Id = 'PROJECT-DEMO' }, @{ Id = 'PROJECT-LOCKED' }) {
        Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
        $response = Invoke-Api POST '/v1/agents' @{ name = 'x'; agentId = $Id; responseSettings = @{ greeting = 'g' }; voiceSettings = @{ voiceId = 'v' } }
        ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(409, 'PROJECT_ID_ALREADY_EXISTS', 15005)
        $duplicate = Invoke-Api POST "$agent/duplicate" @{ newAgentName = 'x'; newAgentId = $Id }
        ($duplicate.Status, $duplicate.Json.error.code) | Should -Be @(409, 'PROJECT_ID_ALREADY_EXISTS')
    }

    It 'duplicates main (rules, topics, attributes, variants with their ids), not the other branches, not telephony' {
        $branch = New-Branch
        $null = Invoke-Api PATCH "$agent/branches/$branch/behavior" @{ behavior = 'Branch only.' }
        $copy = Invoke-Api POST "$agent/duplicate" @{ newAgentName = 'Demo copy' }
        $copy.Status | Should -Be 200
        ($copy.Json.agentId, $copy.Json.agentName, $copy.Json.branchCount) | Should -Be @('PROJECT-NEW0001', 'Demo copy', 1)
        foreach ($path in 'behavior', 'knowledge-base/topics', 'attributes', 'variants') {
            (Invoke-Api GET "/v1/agents/PROJECT-NEW0001/branches/main/$path").Text | Should -Be (Invoke-Api GET "$agent/branches/main/$path").Text
        }
        (Invoke-Api GET '/v1/agents/PROJECT-NEW0001/branches').Json.branches.branchId | Should -Be 'main'
        (Invoke-Api GET '/v1/agents/PROJECT-NEW0001/telephony/phone-numbers').Text | Should -Be '{"phoneNumbers":[]}'
        (Invoke-Api POST "$agent/duplicate" '{"newAgentName":"x","name":"y"}').Status | Should -Be 400
    }

    It 'deletes an agent (204, no body) with its branches, connectors and numbers; its numbers can be imported again' {
        $null = Invoke-Api POST '/v1/agents/PROJECT-OTHER/branches' @{ branchName = 'wip' }
        $deleted = Invoke-Api DELETE '/v1/agents/PROJECT-OTHER'
        ($deleted.Status, $deleted.Text) | Should -Be @(204, '')
        (Invoke-Api GET '/v1/agents').Json.agentId | Should -Be 'PROJECT-DEMO'
        ($response = Invoke-Api GET '/v1/agents/PROJECT-OTHER/branches').Status | Should -Be 404
        $response.Json.error_code | Should -Be 'PROJECT_NOT_FOUND'
        (Invoke-Api DELETE '/v1/agents/PROJECT-OTHER').Status | Should -Be 404
        (Invoke-Api POST "$agent/telephony/phone-numbers/+15550200001" @{}).Status | Should -Be 201
        (Get-PolyAiEmulatorState -Emulator $emulator).agents.agentId | Should -Be 'PROJECT-DEMO'
    }

    It 'counts an agent''s branches in A1, main included' {
        $null = New-Branch 'a'; $null = New-Branch 'b'
        ((Invoke-Api GET '/v1/agents').Json | Where-Object agentId -EQ 'PROJECT-DEMO').branchCount | Should -Be 3
        $null = Invoke-Api DELETE "$agent/branches/br-0001"
        ((Invoke-Api GET '/v1/agents').Json | Where-Object agentId -EQ 'PROJECT-DEMO').branchCount | Should -Be 2
    }
}
