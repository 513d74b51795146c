# The benchmarks' fresh processes (bench/BenchSupport.psm1): each must start from the startup profile the benchmark
# chose for it, never from the one the user's other pwsh processes (or another contender) wrote, or the fresh-process
# figures measure whatever ran before them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../tools/EmulatorHost.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../bench/BenchSupport.psm1') -Force
    $script:Set = New-StartupProfileSet
    # Where pwsh keeps its startup profile inside a cache folder (Platform.CacheDirectory).
    $script:ProfileIn = {
        param([string] $CacheFolder)
        $product = if ($IsWindows) { 'Microsoft/PowerShell' } else { 'powershell' }
        Join-Path $CacheFolder "$product/StartupProfileData-NonInteractive"
    }
}

AfterAll {
    Remove-StartupProfileSet $script:Set
}

Describe 'Fresh pwsh processes of the benchmarks' {
    It 'record their startup profile in the folder they were given, and leave this process as it was' {
        $variable = if ($IsWindows) { 'LOCALAPPDATA' } else { 'XDG_CACHE_HOME' }
        $before = [Environment]::GetEnvironmentVariable($variable)
        $folder = Get-StartupProfileFolder $script:Set Repeat probe

        $result = Invoke-FreshPwsh "'{0}' -f (6 * 7)" $folder

        $result.Output | Should -Be '42'
        $result.Milliseconds | Should -BeGreaterThan 0
        & $script:ProfileIn $folder | Should -Exist
        [Environment]::GetEnvironmentVariable($variable) | Should -Be $before
    }

    It 'fail when the command fails' {
        { Invoke-FreshPwsh 'exit 3' (Get-StartupProfileFolder $script:Set FirstRun failing) } | Should -Throw '*Failed (3)*'
    }

    It 'share a folder per command when repeating, and get a new empty one for each first run' {
        $repeat = Get-StartupProfileFolder $script:Set Repeat same
        Get-StartupProfileFolder $script:Set Repeat same | Should -Be $repeat
        Get-StartupProfileFolder $script:Set Repeat other | Should -Not -Be $repeat

        $first = Get-StartupProfileFolder $script:Set FirstRun same
        $second = Get-StartupProfileFolder $script:Set FirstRun same
        $second | Should -Not -Be $first
        @(Get-ChildItem -LiteralPath $second -Force).Count | Should -Be 0
    }
}

Describe 'Set-ProcessEnvironmentVariable' {
    It 'sets a variable, and removes it for $null (not an empty value)' {
        Set-ProcessEnvironmentVariable POLYAI_TEST_VARIABLE 'set'
        [Environment]::GetEnvironmentVariable('POLYAI_TEST_VARIABLE') | Should -Be 'set'
        Set-ProcessEnvironmentVariable POLYAI_TEST_VARIABLE $null
        [Environment]::GetEnvironmentVariables().Contains('POLYAI_TEST_VARIABLE') | Should -BeFalse
    }
}

Describe 'Measure-Alternating' {
    It 'runs the names in turn, round by round, and keeps no untimed warm-up round' {
        $calls = [Collections.Generic.List[string]]::new()
        $results = Measure-Alternating -Names a, b -Runs 2 -Warm -Measure { param($Name) $calls.Add($Name); "$Name$($calls.Count)" }

        $calls -join ',' | Should -Be 'a,b,a,b,a,b'
        $results.a -join ',' | Should -Be 'a3,a5'
        $results.b -join ',' | Should -Be 'b4,b6'
    }

    It 'starts timing at once without -Warm' {
        $results = Measure-Alternating -Names only -Runs 3 -Measure { param($Name) 1 }
        $results.only.Count | Should -Be 3
    }
}

Describe 'Medians' {
    It 'take the middle value of an odd count and the mean of the middle two of an even count' {
        Get-Median @(5, 1, 3) | Should -Be 3
        Get-Median @(4, 1, 3, 2) | Should -Be 2.5
        (Get-Summary @(30, 10, 20)).Range | Should -Be '10-30'
    }
}
