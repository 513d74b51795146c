# The one converter from free-form PowerShell input (config variables and schemas, variant attribute values, the
# escape hatch's body) to the JSON that is sent, in the built module with real PowerShell objects. Its core rules
# (dictionaries, lists, scalars, cycles, depth, JSON text) are unit-tested in JsonValueTests; here, what only
# PowerShell has: PSCustomObject, PSObject wrappers, script blocks.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $converter = (Get-Command Connect-PolyAi).ImplementingType.Assembly.GetType('PolyAI.Agents.Runtime.PowerShellJson')
    $toElement = $converter.GetMethod('ToElement', [System.Reflection.BindingFlags]'NonPublic, Public, Static')
    function ConvertTo-SentJson([object] $Value) { $toElement.Invoke($null, [object[]]@($Value, '-Variable')).GetRawText() }
}

Describe 'Free-form input as JSON' {
    It 'sends a [pscustomobject] as its properties, in order' {
        ConvertTo-SentJson ([pscustomobject]@{ open = '09:00'; close = '17:30'; days = @('Mon', 'Tue'); holiday = $false }) |
            Should -Be '{"open":"09:00","close":"17:30","days":["Mon","Tue"],"holiday":false}'
    }

    It 'sends an [ordered] hashtable in order, with nested hashtables, [pscustomobject]s and $null' {
        ConvertTo-SentJson ([ordered]@{ b = 1; a = @{ x = $true }; c = [pscustomobject]@{ y = 2.5 }; d = $null }) |
            Should -Be '{"b":1,"a":{"x":true},"c":{"y":2.5},"d":null}'
    }

    It 'sends a string at the top as JSON text' {
        ConvertTo-SentJson '{ "transferNumber": "+442071234567" }' | Should -Be '{ "transferNumber": "+442071234567" }'
    }

    It 'keeps a + in a phone number as written' {
        ConvertTo-SentJson @{ transferNumber = '+442071234567' } | Should -Be '{"transferNumber":"+442071234567"}'
    }

    It 'refuses a script block, saying where it is' {
        { ConvertTo-SentJson @{ hours = { Get-Date } } } | Should -Throw -ExpectedMessage '*-Variable.hours is a script block, which is code, not data*'
    }

    It 'refuses a [pscustomobject] that contains itself' {
        $page = [pscustomobject]@{ name = 'live' }
        $page | Add-Member -NotePropertyName self -NotePropertyValue $page
        { ConvertTo-SentJson $page } | Should -Throw -ExpectedMessage '*-Variable.self contains itself*'
    }

    It 'refuses a hashtable that contains itself' {
        $hours = @{ open = '09:00' }
        $hours.again = $hours
        { ConvertTo-SentJson $hours } | Should -Throw -ExpectedMessage '*-Variable.again contains itself*'
    }

    It 'refuses an object that is not data (a process), naming what it accepts' {
        { ConvertTo-SentJson @{ p = (Get-Process -Id $PID) } } | Should -Throw -ExpectedMessage '*-Variable.p is a System.Diagnostics.Process, which cannot be sent as JSON: give a hashtable*'
    }
}
