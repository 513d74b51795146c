# The emulator's deployments (D1-D5) over plain HTTP: the seeds, the version (a hash of main's content, stable while
# main does not change), publish's HTTP 200 with 6002 when nothing changes, the release rules of promote (404, 400,
# 412, 409) and rollback, the active deployment of each environment, and reset. These hold the emulator to its spec
# on its own, whatever the cmdlets do.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator = Get-TestEmulator
    $agent = '/v1/agents/PROJECT-DEMO'
    $deployments = "$agent/deployments"

    # Dates stay text: the timestamps are compared as the API wrote them.
    function Invoke-Api([string] $Method, [string] $Path, $Body) { Invoke-EmulatorApi -Method $Method -Path $Path -Body $Body -DatesAsText }

    function Get-Active([string] $AgentId = 'PROJECT-DEMO') { (Invoke-Api GET "/v1/agents/$AgentId/deployments/active").Json.activeDeployments }

    function Get-Deployments([string] $Environment, [string] $AgentId = 'PROJECT-DEMO') {
        @((Invoke-Api GET "/v1/agents/$AgentId/deployments?environment=$Environment").Json.deployments)
    }

    function Publish-Main([string] $Environment = 'sandbox', [string] $AgentId = 'PROJECT-DEMO', $Body) {
        if ($null -eq $Body) { $Body = @{ environment = $Environment } }
        Invoke-Api POST "/v1/agents/$AgentId/deployments/publish" $Body
    }

    function Set-MainBehavior([string] $Text) {
        # main is read-only: a branch with the rules, merged (a new version of main).
        $branch = (Invoke-Api POST "$agent/branches" @{ branchName = "v-$([guid]::NewGuid().ToString('n').Substring(0, 8))" }).Json.branchId
        (Invoke-Api PATCH "$agent/branches/$branch/behavior" @{ behavior = $Text }).Status | Should -Be 200
        (Invoke-Api POST "$agent/branches/$branch/merge" '{}').Status | Should -Be 200
    }

    function Get-SeedBehavior { (Invoke-Api GET "$agent/branches/main/behavior").Json.behavior }
}

Describe 'The emulator: deployments (D1-D5)' {
    BeforeEach { Reset-TestEmulator }

    Context 'seeds and shapes' {
        It 'runs the seeded main in every environment of PROJECT-DEMO (demo seed): dep-seed-sbx, -pre, -live, one version' {
            $active = Get-Active
            $active.PSObject.Properties.Name | Should -Be @('sandbox', 'pre-release', 'live')
            @($active.sandbox, $active.'pre-release', $active.live).id | Should -Be @('dep-seed-sbx', 'dep-seed-pre', 'dep-seed-live')
            $active.live.PSObject.Properties.Name | Should -Be @('id', 'accountId', 'agentId', 'environment', 'artifactVersion', 'version', 'createdBy', 'createdAt', 'metadata')
            foreach ($deployment in $active.sandbox, $active.'pre-release', $active.live) {
                $deployment.accountId, $deployment.agentId, $deployment.artifactVersion, $deployment.createdBy | Should -Be @('ws-demo01', 'PROJECT-DEMO', 'artifact-seed', 'ops@demo-dental.example')
                $deployment.metadata.deploymentMessage | Should -Be 'Initial release'
                $deployment.version | Should -MatchExactly '^[0-9a-f]{7}$'
                $deployment.version | Should -Be $active.sandbox.version
            }
            @($active.sandbox, $active.'pre-release', $active.live).createdAt | Should -Be @('2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z')
            @($active.sandbox, $active.'pre-release', $active.live).environment | Should -Be @('sandbox', 'pre-release', 'live')
        }

        It 'lists one environment''s deployments (D1) wrapped in "deployments"' {
            $list = Invoke-Api GET "$deployments`?environment=pre-release"
            $list.Status | Should -Be 200
            $list.Json.PSObject.Properties.Name | Should -Be 'deployments'
            $list.Json.deployments.id | Should -Be 'dep-seed-pre'
        }

        It 'has no deployments for PROJECT-OTHER, and none at all in the empty seed: every environment is there, null (<Seed> seed)' -ForEach @(@{ Seed = 'demo' }, @{ Seed = 'empty' }) {
            Reset-TestEmulator -Seed $Seed
            $agents = if ($Seed -eq 'empty') { 'PROJECT-DEMO', 'PROJECT-OTHER' } else { 'PROJECT-OTHER' }
            foreach ($agentId in $agents) {
                (Invoke-Api GET "/v1/agents/$agentId/deployments/active").Text | Should -Be '{"activeDeployments":{"sandbox":null,"pre-release":null,"live":null}}'
                (Invoke-Api GET "/v1/agents/$agentId/deployments?environment=live").Text | Should -Be '{"deployments":[]}'
            }
        }

        It 'gives a new agent (A2) and a copy (A4) no deployments' {
            $created = (Invoke-Api POST '/v1/agents' @{ name = 'New'; agentId = 'PROJECT-NEW'; responseSettings = @{ greeting = 'Hi' }; voiceSettings = @{ voiceId = 'v' } }).Json.agentId
            $copy = (Invoke-Api POST "$agent/duplicate" @{ newAgentName = 'Copy'; newAgentId = 'PROJECT-COPY' }).Json.agentId
            foreach ($agentId in $created, $copy) {
                $active = Get-Active $agentId
                @($active.sandbox, $active.'pre-release', $active.live) | Where-Object { $_ } | Should -BeNullOrEmpty
            }
            (Publish-Main -AgentId PROJECT-COPY).Status | Should -Be 201
        }

        It 'shows the deployments in the control API''s state' {
            $state = Get-PolyAiEmulatorState -Emulator $emulator
            ($state.agents | Where-Object agentId -EQ 'PROJECT-DEMO').deployments.id | Should -Be @('dep-seed-sbx', 'dep-seed-pre', 'dep-seed-live')
        }
    }

    Context 'the version: a hash of main''s content' {
        It 'is the same for an unchanged main: publishing the seeded main anywhere is HTTP 200 DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED, and nothing is made (<Environment>)' -ForEach @(
            @{ Environment = 'sandbox' }, @{ Environment = 'pre-release' }, @{ Environment = 'live' }
        ) {
            $seeded = (Get-Active).$Environment
            $response = Publish-Main $Environment
            $response.Status | Should -Be 200
            $response.Json.error_code | Should -Be 'DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED'
            $response.Json.error_message | Should -Be "Environment '$Environment' already runs version $($seeded.version)."
            $response.Json.PSObject.Properties.Name | Should -Be @('success', 'error', 'error_id', 'error_code', 'error_message', 'data')
            # The envelope's error_id is the correlation id, as in every envelope (the Error schema, api-notes.md §1).
            ($response.Json.success, $response.Json.error_id) | Should -Be @($false, $response.CorrelationId)
            (Get-Deployments $Environment).id | Should -Be $seeded.id
        }

        It 'answers 6002 in the envelope whatever the error shape, since it is no error (<Shape>)' -ForEach @(@{ Shape = 'nested' }, @{ Shape = 'validation' }) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape $Shape
            $response = Publish-Main
            $response.Status | Should -Be 200
            $response.Json.error_code | Should -Be 'DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED'
        }

        It 'changes when main changes, stays while only a branch changes, and comes back with the content' {
            $seed = (Get-Active).sandbox.version
            $branch = (Invoke-Api POST "$agent/branches" @{ branchName = 'unmerged' }).Json.branchId
            $null = Invoke-Api PATCH "$agent/branches/$branch/behavior" @{ behavior = 'Not merged.' }
            (Publish-Main).Status | Should -Be 200 -Because 'a branch is not main'

            $rules = Get-SeedBehavior
            Set-MainBehavior 'Be brief.'
            $first = Publish-Main
            $first.Status | Should -Be 201
            $first.Json.deployment.version | Should -MatchExactly '^[0-9a-f]{7}$'
            $first.Json.deployment.version | Should -Not -Be $seed
            (Publish-Main).Status | Should -Be 200 -Because 'main has not changed since'

            Set-MainBehavior $rules
            $back = Publish-Main
            $back.Status | Should -Be 201
            $back.Json.deployment.version | Should -Be $seed -Because 'main has the seeded content again'
        }

        It 'gives the same version in every environment it is published to' {
            Set-MainBehavior 'Be brief.'
            $versions = 'sandbox', 'pre-release', 'live' | ForEach-Object { (Publish-Main $_).Json.deployment.version }
            @($versions | Select-Object -Unique).Count | Should -Be 1
        }

        It 'is not touched by a merge: merging does not publish' {
            $before = (Invoke-Api GET "$deployments/active").Text
            Set-MainBehavior 'Be brief.'
            (Invoke-Api GET "$deployments/active").Text | Should -Be $before
        }
    }

    Context 'D1: one environment, newest first' {
        It 'lists newest first and takes at most limit' {
            Set-MainBehavior 'One.'
            $null = Publish-Main
            Set-MainBehavior 'Two.'
            $null = Publish-Main
            (Get-Deployments sandbox).id | Should -Be @('dep-0002', 'dep-0001', 'dep-seed-sbx')
            (Invoke-Api GET "$deployments`?environment=sandbox&limit=2").Json.deployments.id | Should -Be @('dep-0002', 'dep-0001')
            (Invoke-Api GET "$deployments`?environment=sandbox&limit=99999999999").Json.deployments.Count | Should -Be 3
            (Get-Deployments live).id | Should -Be 'dep-seed-live'
        }

        It 'answers a missing or unknown environment with 400 VALIDATION_ERROR naming environment (<Query>)' -ForEach @(
            @{ Query = '' }, @{ Query = '?environment=' }, @{ Query = '?environment=prod' }, @{ Query = '?environment=LIVE' }, @{ Query = '?environment=live&environment=sandbox' }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape validation
            $response = Invoke-Api GET "$deployments$Query"
            $response.Status | Should -Be 400
            $response.Json.errors[0].field | Should -Be 'environment'
        }

        It 'answers a limit that is not a positive integer with 400 VALIDATION_ERROR naming limit (<Limit>)' -ForEach @(
            @{ Limit = '0' }, @{ Limit = '-1' }, @{ Limit = 'x' }, @{ Limit = '1.5' }, @{ Limit = '' }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape validation
            $response = Invoke-Api GET "$deployments`?environment=live&limit=$Limit"
            $response.Status | Should -Be 400
            ($response.Json.errors[0].field, $response.Json.message) | Should -Be @('limit', 'Validation failed')
        }
    }

    Context 'D3: publish main' {
        It 'publishes to sandbox by default: 201 {deployment, testRunIds: []}, ids from the counter' {
            Set-MainBehavior 'Be brief.'
            $response = Publish-Main -Body '{"deploymentMessage":"Brief rules"}'
            $response.Status | Should -Be 201
            $response.Json.PSObject.Properties.Name | Should -Be @('deployment', 'testRunIds')
            $response.Text | Should -Match '"testRunIds":\[\]'
            $deployment = $response.Json.deployment
            $deployment.id, $deployment.environment, $deployment.artifactVersion, $deployment.createdBy | Should -Be @('dep-0001', 'sandbox', 'artifact-0001', 'emulator@polyai.local')
            $deployment.accountId, $deployment.agentId | Should -Be @('ws-demo01', 'PROJECT-DEMO')
            $deployment.metadata.deploymentMessage | Should -Be 'Brief rules'
            [datetimeoffset]::Parse($deployment.createdAt) | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddMinutes(-5))
            (Get-Active).sandbox.id | Should -Be 'dep-0001'
            (Get-Active).live.id | Should -Be 'dep-seed-live'
        }

        It 'takes {} (message "") and the environment given' {
            Set-MainBehavior 'Be brief.'
            $response = Publish-Main -Body @{ environment = 'live' }
            ($response.Status, $response.Json.deployment.environment, $response.Json.deployment.metadata.deploymentMessage) | Should -Be @(201, 'live', '')
            (Publish-Main -AgentId PROJECT-OTHER -Body '{}').Status | Should -Be 201
        }

        It 'answers an environment that is not sandbox, pre-release or live with 400 DEPLOYMENTS_INVALID_ENVIRONMENT (6008) (<Environment>)' -ForEach @(
            @{ Environment = 'prod' }, @{ Environment = 'Live' }, @{ Environment = '' }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Publish-Main -Body @{ environment = $Environment }
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(400, 'DEPLOYMENTS_INVALID_ENVIRONMENT', 6008)
        }

        It 'requires a JSON object body with only its two properties: 400 VALIDATION_ERROR (<What>)' -ForEach @(
            @{ What = 'no body'; Body = '' }
            @{ What = 'another property'; Body = '{"environment":"sandbox","branchId":"main"}' }
            @{ What = 'a message that is no string'; Body = '{"deploymentMessage":1}' }
            @{ What = 'an array'; Body = '[]' }
        ) {
            Set-MainBehavior 'Be brief.'
            $response = if ($Body) { Publish-Main -Body $Body } else { Invoke-Api POST "$deployments/publish" }
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
            (Get-Deployments sandbox).id | Should -Be 'dep-seed-sbx'
        }
    }

    Context 'D4: promote' {
        BeforeEach {
            Set-MainBehavior 'Be brief.'
            $script:published = (Publish-Main).Json.deployment
        }

        It 'copies the deployment to the next stage with its version and artifact, one test run: sandbox -> pre-release -> live' {
            $pre = Invoke-Api POST "$deployments/dep-0001/promote" '{}'
            $pre.Status | Should -Be 201
            $pre.Json.PSObject.Properties.Name | Should -Be @('deployment', 'testRunIds')
            $pre.Json.testRunIds | Should -Be 'tr-0001'
            $copy = $pre.Json.deployment
            $copy.id, $copy.environment, $copy.version, $copy.artifactVersion | Should -Be @('dep-0002', 'pre-release', $published.version, $published.artifactVersion)
            $copy.metadata.deploymentMessage | Should -Be ''

            $live = Invoke-Api POST "$deployments/dep-0002/promote" @{ deploymentMessage = 'Go live' }
            $live.Status | Should -Be 201
            ($live.Json.deployment.environment, $live.Json.deployment.metadata.deploymentMessage, $live.Json.testRunIds) | Should -Be @('live', 'Go live', 'tr-0002')
            $active = Get-Active
            @($active.sandbox, $active.'pre-release', $active.live).version | Should -Be @($published.version, $published.version, $published.version)
        }

        It 'promotes to a later stage given, also from sandbox to live once pre-release runs the version' {
            $null = Invoke-Api POST "$deployments/dep-0001/promote" @{ targetEnvironment = 'pre-release' }
            $live = Invoke-Api POST "$deployments/dep-0001/promote" @{ targetEnvironment = 'live' }
            ($live.Status, $live.Json.deployment.environment) | Should -Be @(201, 'live')
        }

        It 'answers an unknown deployment with 404 DEPLOYMENT_NOT_FOUND (6001)' {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Invoke-Api POST "$deployments/dep-none/promote" '{}'
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(404, 'DEPLOYMENT_NOT_FOUND', 6001)
        }

        It 'answers a target that is not an environment with 400 DEPLOYMENTS_INVALID_ENVIRONMENT (6008)' {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Invoke-Api POST "$deployments/dep-0001/promote" @{ targetEnvironment = 'prod' }
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(400, 'DEPLOYMENTS_INVALID_ENVIRONMENT', 6008)
        }

        It 'answers a target that is not a later stage with 400 VALIDATION_ERROR (<Deployment> to <Target>)' -ForEach @(
            @{ Deployment = 'dep-0001'; Target = 'sandbox'; From = 'sandbox' }
            @{ Deployment = 'dep-seed-pre'; Target = 'sandbox'; From = 'pre-release' }
            @{ Deployment = 'dep-seed-live'; Target = 'pre-release'; From = 'live' }
            @{ Deployment = 'dep-seed-live'; Target = $null; From = 'live' }
        ) {
            $body = if ($Target) { @{ targetEnvironment = $Target } } else { '{}' }
            $response = Invoke-Api POST "$deployments/$Deployment/promote" $body
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
            $response.Json.error_message | Should -Be "Target environment must be a later stage than $From."
        }

        It 'answers live for a version pre-release does not run with 412 ErrPreReleaseNotReady, and makes nothing' {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Invoke-Api POST "$deployments/dep-0001/promote" @{ targetEnvironment = 'live' }
            ($response.Status, $response.Json.error.code) | Should -Be @(412, 'ErrPreReleaseNotReady')
            $response.Json.error.message | Should -Be "Promote to pre-release first: pre-release does not run version $($published.version)."
            (Get-Active).live.id | Should -Be 'dep-seed-live'
        }

        It 'answers a version the target runs already with 409 DEPLOYMENTS_ALREADY_PUBLISHED (6009)' {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Invoke-Api POST "$deployments/dep-seed-sbx/promote" '{}'
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(409, 'DEPLOYMENTS_ALREADY_PUBLISHED', 6009)
            (Get-Deployments pre-release).id | Should -Be 'dep-seed-pre'
        }

        It 'requires a JSON object body with only its two properties (<Body>)' -ForEach @(@{ Body = '' }, @{ Body = '{"environment":"live"}' }) {
            $response = if ($Body) { Invoke-Api POST "$deployments/dep-0001/promote" $Body } else { Invoke-Api POST "$deployments/dep-0001/promote" }
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        }
    }

    Context 'D5: rollback' {
        BeforeEach {
            Set-MainBehavior 'Be brief.'
            $script:published = (Publish-Main live).Json.deployment
        }

        It 'makes the old version the environment''s active one as a new deployment (message "Rollback to <id>")' {
            $seeded = (Get-Deployments live | Where-Object id -EQ 'dep-seed-live')
            $response = Invoke-Api POST "$deployments/dep-seed-live/rollback" '{}'
            $response.Status | Should -Be 201
            $response.Text | Should -Match '"testRunIds":\[\]'
            $restored = $response.Json.deployment
            $restored.id, $restored.environment, $restored.version, $restored.artifactVersion | Should -Be @('dep-0002', 'live', $seeded.version, 'artifact-seed')
            $restored.metadata.deploymentMessage | Should -Be 'Rollback to dep-seed-live'
            (Get-Active).live.id | Should -Be 'dep-0002'
            (Get-Deployments live).id | Should -Be @('dep-0002', 'dep-0001', 'dep-seed-live')
        }

        It 'takes the message given' {
            (Invoke-Api POST "$deployments/dep-seed-live/rollback" @{ deploymentMessage = 'Callers complained' }).Json.deployment.metadata.deploymentMessage | Should -Be 'Callers complained'
        }

        It 'answers a rollback to the version the environment runs with HTTP 200 6002, and makes nothing' {
            $response = Invoke-Api POST "$deployments/$($published.id)/rollback" '{}'
            ($response.Status, $response.Json.error_code) | Should -Be @(200, 'DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED')
            $response.Json.error_message | Should -Be "Environment 'live' already runs version $($published.version)."
            (Get-Deployments live).Count | Should -Be 2
        }

        It 'answers an unknown deployment with 404 DEPLOYMENT_NOT_FOUND, and a body with another property with 400' {
            (Invoke-Api POST "$deployments/dep-none/rollback" '{}').Json.error_code | Should -Be 'DEPLOYMENT_NOT_FOUND'
            $response = Invoke-Api POST "$deployments/dep-seed-live/rollback" @{ targetEnvironment = 'live' }
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        }
    }

    Context 'agents and reset' {
        It 'answers an unknown agent with 404 PROJECT_NOT_FOUND and a forbidden one with 403 (<Method> <Path>)' -ForEach @(
            @{ Method = 'GET'; Path = 'deployments/active'; Body = $null }
            @{ Method = 'POST'; Path = 'deployments/publish'; Body = '{}' }
            @{ Method = 'POST'; Path = 'deployments/dep-seed-sbx/promote'; Body = '{}' }
            @{ Method = 'POST'; Path = 'deployments/dep-seed-sbx/rollback'; Body = '{}' }
        ) {
            (Invoke-Api $Method "/v1/agents/PROJECT-NOPE/$Path" $Body).Json.error_code | Should -Be 'PROJECT_NOT_FOUND'
            $forbidden = Invoke-Api $Method "/v1/agents/PROJECT-LOCKED/$Path" $Body
            ($forbidden.Status, $forbidden.Json.error_code) | Should -Be @(403, 'USER_ACCESS_FORBIDDEN')
        }

        It 'keeps the deployments of each agent apart, and drops a deleted agent''s' {
            $null = Publish-Main -AgentId PROJECT-OTHER -Body '{}'
            (Get-Deployments sandbox PROJECT-OTHER).id | Should -Be 'dep-0001'
            (Get-Deployments sandbox).id | Should -Be 'dep-seed-sbx'
            (Invoke-Api POST "$deployments/dep-0001/promote" '{}').Json.error_code | Should -Be 'DEPLOYMENT_NOT_FOUND'
            (Invoke-Api DELETE '/v1/agents/PROJECT-OTHER').Status | Should -Be 204
            (Invoke-Api GET '/v1/agents/PROJECT-OTHER/deployments/active').Json.error_code | Should -Be 'PROJECT_NOT_FOUND'
        }

        It 'restarts the counters and the seeded deployments on reset' {
            Set-MainBehavior 'Be brief.'
            $null = Publish-Main
            $null = Invoke-Api POST "$deployments/dep-0001/promote" '{}'
            Reset-TestEmulator
            (Get-Active).sandbox.id | Should -Be 'dep-seed-sbx'
            (Get-Deployments pre-release).id | Should -Be 'dep-seed-pre'
            Set-MainBehavior 'Be brief.'
            (Publish-Main).Json.deployment.id | Should -Be 'dep-0001'
            (Publish-Main).Status | Should -Be 200 -Because 'the second publish changes nothing'
            (Invoke-Api POST "$deployments/dep-0001/promote" '{}').Json.testRunIds | Should -Be 'tr-0001'
        }
    }
}
