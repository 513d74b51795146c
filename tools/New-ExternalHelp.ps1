#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the module's external help: one MAML file per "external help file" (PolyAI.Agents.Cmdlets.dll-Help.xml)
    from the cmdlets' metadata and the prose in platyPS-style markdown, and one about_*.help.txt per about topic.
.DESCRIPTION
    platyPS is not needed (nor available everywhere this builds). The facts about each parameter and the syntax
    come from the code: the generator imports the built module (-ModulePath) and reads each cmdlet's metadata
    (Get-Command: Parameters, ParameterSets, ImplementingType). The markdown holds only what the code cannot say:
    the prose. Nothing is written twice.

    From the metadata, for each parameter:
      Type              the parameter's type name (ParameterType.Name: String, String[], SwitchParameter, ...).
      Required, Position, Accept pipeline input (ByValue, ByPropertyName)
                        per parameter set. A parameter whose flags are the same in all its sets has one entry;
                        one whose flags differ gets one entry per variant, each with the sets it applies to, and
                        every syntax item uses the variant of its set. The PARAMETERS list of the MAML shows the
                        variant of the parameter's first set (in syntax order).
      Aliases           the parameter's aliases (WhatIf: wi, Confirm: cf).
      Accept wildcard characters
                        True when the parameter has a SupportsWildcardsAttribute.
      Accepted values   from every attribute of the parameter that has a ValidValues property (ValidateSet, or
                        the module's own validation attributes); with several such attributes, the values all of
                        them accept, in the order of the first.
      Default value     read from a new instance of the cmdlet class (ImplementingType, public parameterless
                        constructor): the property's value when it is not null, not an empty string or
                        collection and not the type's default (false, 0); else None. A SwitchParameter shows
                        False (True if it defaults to present). WhatIf and Confirm show False.
    The PARAMETERS list follows the order of Get-Command's Parameters (declaration order; WhatIf and Confirm last).

    SYNTAX rule: the markdown has no SYNTAX section (a ## SYNTAX is refused). The MAML gets one syntax item per
    parameter set, the default set first and the others in Get-Command's order; in each, the parameters in the
    order PowerShell shows them (positional ones by position, then mandatory named ones, then the other named
    ones, each group in declaration order). Get-Help adds [<CommonParameters>] itself. The common parameters
    are not documented one by one; WhatIf and Confirm are documented like the cmdlet's own parameters.

    Sources, in -SourcePath (docs/en-US):
      <Verb>-<Noun>.md      one per cmdlet: front matter (external help file: the cmdlet's HelpFile, Module Name,
                            online version), then # <Verb>-<Noun> and the sections SYNOPSIS, DESCRIPTION,
                            EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS in that order.
                            PARAMETERS has one ### -<Name> per parameter, holding only its description (no yaml,
                            no code), in any order, and ### CommonParameters.
      _SharedParameters.md  the descriptions of parameters that several cmdlets share (-Session, -ThrottleLimit,
                            -Force, -PassThru, -WhatIf, -Confirm): # <title>, ## DESCRIPTION (for maintainers,
                            not written anywhere), ## PARAMETERS with one ### -<Name> each. A cmdlet that has the
                            parameter and no ### -<Name> of its own gets this text; its own ### -<Name> overrides
                            it. Shared text must be true for every cmdlet that uses it. The leading underscore
                            keeps the file apart from cmdlets and about topics; nothing is generated from it.
      about_<Topic>.md      # about_<Topic>, then ## SHORT DESCRIPTION, ## LONG DESCRIPTION and any further
                            ## sections; written as plain text wrapped at 80 columns.

    It checks the sources and the module as it goes and stops at the first problem, naming the file (and the
    line where there is one), before anything is written: a missing, unknown, repeated or misplaced section
    (a ## SYNTAX included), an empty synopsis, description or notes, an example without code or without text
    explaining it, a ### -<Name> that the cmdlet does not have (or that is empty, or holds a code block such as
    a leftover yaml block), a parameter of the cmdlet with neither its own description nor a shared one, a
    front matter key missing or an external help file that is not the cmdlet's HelpFile, a malformed related
    link, a help file for a cmdlet the module does not have, and (with -ManifestPath) a cmdlet the manifest
    exports without a help file or a help file for a cmdlet it does not export.

    Markdown understood in text: paragraphs (lines joined), "- " list items (one paragraph each), tables and
    fenced code (kept line by line). Everything else is kept verbatim.
.EXAMPLE
    ./tools/New-ExternalHelp.ps1 -ModulePath out/PolyAI.Agents/PolyAI.Agents.psd1 -OutputPath out/PolyAI.Agents/en-US -ManifestPath ./PolyAI.Agents.psd1

    build.ps1 Build runs it so, in a child pwsh: importing the module loads its assemblies, which the build
    process should not hold.
#>
[CmdletBinding()]
[OutputType([System.IO.FileInfo])]
param(
    # The folder with the markdown sources of one culture.
    [ValidateNotNullOrEmpty()]
    [string] $SourcePath = (Join-Path (Split-Path -Parent $PSScriptRoot) (Join-Path 'docs' 'en-US')),

    # The folder to write the MAML and about files to (created if needed): <module>/en-US.
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $OutputPath,

    # The built module (its manifest, or its folder). It is imported here: the parameters' facts, the syntax
    # and the default values come from its cmdlets.
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $ModulePath,

    # The module manifest: when given, every cmdlet in CmdletsToExport must have a help file, and no help
    # file may describe a cmdlet the manifest does not export.
    [string] $ManifestPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:SectionOrder = @('SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$script:SharedFileName = '_SharedParameters.md'
# Verbose, Debug, ErrorAction, ...: Get-Help's [<CommonParameters>]. WhatIf and Confirm are not among them.
$script:CommonParameters = @([System.Management.Automation.Internal.CommonParameters].GetProperties() | ForEach-Object Name)
$script:Ns = @{
    Msh     = 'http://msh'
    Maml    = 'http://schemas.microsoft.com/maml/2004/10'
    Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    Dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Stop-Source {
    # Every problem with a source ends the run, naming the file (and the line where there is one).
    param([string] $File, [string] $Message, [int] $Line = 0)
    $where = if ($Line -gt 0) { "${File}:$Line" } else { $File }
    throw "Help source ${where}: $Message"
}

# ---- Markdown ----------------------------------------------------------------------------------------------

function Read-MarkdownFile {
    <# Splits a file into its front matter, its title (# ...) and its sections (## ...), each with its
       subsections (### ...). Headings inside fenced code are text. Every line keeps its number. #>
    param([string] $Path)
    $name = Split-Path -Leaf $Path
    $raw = [IO.File]::ReadAllText($Path)
    $lines = @(($raw -replace "`r`n", "`n" -replace "`r", "`n").Split("`n"))

    $frontMatter = [ordered]@{}
    $index = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $index = 1
        while ($index -lt $lines.Count -and $lines[$index].Trim() -ne '---') {
            $text = $lines[$index]
            if ($text.Trim()) {
                if ($text -notmatch '^\s*([^:]+?)\s*:\s*(.*?)\s*$') { Stop-Source $name "front matter line '$text' is not 'key: value'." ($index + 1) }
                $frontMatter[$Matches[1]] = $Matches[2].Trim("'", '"')
            }
            $index++
        }
        if ($index -ge $lines.Count) { Stop-Source $name 'the front matter is not closed with ---.' }
        $index++
    }

    $title = $null
    $sections = New-Object System.Collections.Generic.List[object]
    $section = $null
    $sub = $null
    $inCode = $false
    for (; $index -lt $lines.Count; $index++) {
        $text = $lines[$index]
        $entry = [pscustomobject]@{ Text = $text; Line = $index + 1 }
        if ($text -match '^\s*(```|~~~)') { $inCode = -not $inCode }
        if (-not $inCode -and $text -match '^(#{1,3})\s+(.+?)\s*#*\s*$') {
            $level = $Matches[1].Length
            $heading = $Matches[2]
            if ($level -eq 1) {
                if ($null -ne $title) { Stop-Source $name "a second title '# $heading'." ($index + 1) }
                $title = $heading
                continue
            }
            if ($null -eq $title) { Stop-Source $name "'$text' comes before the title (# ...)." ($index + 1) }
            if ($level -eq 2) {
                $section = [pscustomobject]@{ Name = $heading; Line = $index + 1; Lines = New-Object System.Collections.Generic.List[object]; Subsections = New-Object System.Collections.Generic.List[object] }
                $sections.Add($section)
                $sub = $null
                continue
            }
            if ($null -eq $section) { Stop-Source $name "'$text' is not inside a ## section." ($index + 1) }
            $sub = [pscustomobject]@{ Name = $heading; Line = $index + 1; Lines = New-Object System.Collections.Generic.List[object] }
            $section.Subsections.Add($sub)
            continue
        }
        if ($null -ne $sub) { $sub.Lines.Add($entry) }
        elseif ($null -ne $section) { $section.Lines.Add($entry) }
        elseif ($text.Trim() -and $null -ne $title) { Stop-Source $name "text after the title that is not in a ## section: '$text'." ($index + 1) }
    }
    if ($inCode) { Stop-Source $name 'a fenced code block is not closed.' }
    if ($null -eq $title) { Stop-Source $name 'no title (# <name>).' }

    [pscustomobject]@{ File = $name; FrontMatter = $frontMatter; Title = $title; Sections = $sections }
}

function Split-MarkdownBlocks {
    <# Text lines -> blocks: Paragraph (lines joined with spaces), ListItem (one per "- " item, continuation
       lines joined), Table (rows kept), Code (lines kept, with the fence's info string). #>
    param([object[]] $Lines, [string] $File)
    $blocks = New-Object System.Collections.Generic.List[object]
    $current = $null
    $code = $null
    foreach ($entry in $Lines) {
        $text = $entry.Text
        if ($null -ne $code) {
            if ($text -match '^\s*(```|~~~)\s*$') { $blocks.Add($code); $code = $null }
            else { $code.Lines.Add($text) }
            continue
        }
        if ($text -match '^\s*(```|~~~)\s*([\w-]*)') {
            $current = $null
            $code = [pscustomobject]@{ Kind = 'Code'; Info = $Matches[2]; Line = $entry.Line; Lines = New-Object System.Collections.Generic.List[string] }
            continue
        }
        if (-not $text.Trim()) { $current = $null; continue }
        if ($text -match '^\s*\|') {
            if ($null -eq $current -or $current.Kind -ne 'Table') {
                $current = [pscustomobject]@{ Kind = 'Table'; Line = $entry.Line; Lines = New-Object System.Collections.Generic.List[string] }
                $blocks.Add($current)
            }
            $current.Lines.Add($text.Trim())
            continue
        }
        if ($text -match '^\s*[-*]\s+(.*)$') {
            $current = [pscustomobject]@{ Kind = 'ListItem'; Line = $entry.Line; Lines = New-Object System.Collections.Generic.List[string] }
            $current.Lines.Add($Matches[1].Trim())
            $blocks.Add($current)
            continue
        }
        if ($null -ne $current -and $current.Kind -in 'Paragraph', 'ListItem') {
            $current.Lines.Add($text.Trim())
            continue
        }
        $current = [pscustomobject]@{ Kind = 'Paragraph'; Line = $entry.Line; Lines = New-Object System.Collections.Generic.List[string] }
        $current.Lines.Add($text.Trim())
        $blocks.Add($current)
    }
    if ($null -ne $code) { Stop-Source $File 'a fenced code block is not closed.' $code.Line }
    $blocks
}

function Format-PlainTable {
    # A markdown table as aligned plain-text columns (the separator row becomes dashes).
    param([string[]] $Rows)
    $cells = @(foreach ($row in $Rows) {
            $inner = $row.Trim()
            if ($inner.StartsWith('|')) { $inner = $inner.Substring(1) }
            if ($inner.EndsWith('|')) { $inner = $inner.Substring(0, $inner.Length - 1) }
            , @($inner.Split('|') | ForEach-Object { $_.Trim() })
        })
    $columns = ($cells | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = @(for ($c = 0; $c -lt $columns; $c++) {
            ($cells | ForEach-Object { if ($c -lt $_.Count -and $_[$c] -notmatch '^:?-+:?$') { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum
        })
    foreach ($row in $cells) {
        $isSeparator = @($row | Where-Object { $_ -notmatch '^:?-+:?$' }).Count -eq 0
        $text = for ($c = 0; $c -lt $columns; $c++) {
            if ($isSeparator) { '-' * $widths[$c] }
            elseif ($c -lt $row.Count) { $row[$c].PadRight($widths[$c]) }
            else { ' ' * $widths[$c] }
        }
        ($text -join '  ').TrimEnd()
    }
}

function ConvertTo-Paragraphs {
    # Blocks -> the strings of maml:para elements.
    param([object[]] $Blocks)
    foreach ($block in $Blocks) {
        switch ($block.Kind) {
            'Paragraph' { $block.Lines -join ' ' }
            'ListItem' { '- ' + ($block.Lines -join ' ') }
            'Table' { (Format-PlainTable -Rows $block.Lines) -join "`n" }
            'Code' { ($block.Lines | ForEach-Object { "    $_" }) -join "`n" }
        }
    }
}

function Get-TextParagraphs {
    param([object[]] $Lines, [string] $File)
    @(ConvertTo-Paragraphs (Split-MarkdownBlocks -Lines $Lines -File $File))
}

# ---- Parameter descriptions (cmdlet files and the shared file) ---------------------------------------------

function Read-ParameterDescriptions {
    <# ## PARAMETERS: one ### -<Name> per parameter, each only text (its description); ### CommonParameters
       where the file allows it. Returns the descriptions by name (ordered as written) and whether
       ### CommonParameters was there. #>
    param([object] $Section, [string] $File, [switch] $AllowCommonParameters)
    if (@(Split-MarkdownBlocks -Lines $Section.Lines -File $File).Count) { Stop-Source $File '## PARAMETERS has text outside a ### -Parameter.' $Section.Line }
    $descriptions = [ordered]@{}
    $hasCommonParameters = $false
    foreach ($sub in $Section.Subsections) {
        if ($sub.Name -eq 'CommonParameters') {
            if (-not $AllowCommonParameters) { Stop-Source $File '### CommonParameters does not belong here.' $sub.Line }
            $hasCommonParameters = $true
            if (-not (Get-TextParagraphs -Lines $sub.Lines -File $File)) { Stop-Source $File '### CommonParameters is empty.' $sub.Line }
            continue
        }
        if ($sub.Name -notmatch '^-([A-Za-z][A-Za-z0-9]*)$') { Stop-Source $File "'### $($sub.Name)' in ## PARAMETERS is not '### -<Name>' or '### CommonParameters'." $sub.Line }
        $name = $Matches[1]
        if ($descriptions.Contains($name)) { Stop-Source $File "parameter -$name is described twice." $sub.Line }
        $blocks = @(Split-MarkdownBlocks -Lines $sub.Lines -File $File)
        $code = @($blocks | Where-Object Kind -EQ 'Code')
        if ($code) {
            if ($code[0].Info -eq 'yaml') { Stop-Source $File "parameter -${name}: a yaml block. Its type, sets, position, pipeline input, aliases, default and accepted values come from the code now: keep only the description." $code[0].Line }
            Stop-Source $File "parameter -${name}: a code block; a parameter's description is text only." $code[0].Line
        }
        $text = @(ConvertTo-Paragraphs $blocks)
        if (-not $text) { Stop-Source $File "'### -$name' is empty: write its description, or remove the section to use the shared one." $sub.Line }
        $descriptions[$name] = [pscustomobject]@{ Name = $name; Description = $text; Line = $sub.Line }
    }
    [pscustomobject]@{ Descriptions = $descriptions; HasCommonParameters = $hasCommonParameters }
}

function Read-SharedParameters {
    # _SharedParameters.md: # <title>, ## DESCRIPTION (for maintainers), ## PARAMETERS with ### -<Name> each.
    param([string] $Path)
    $doc = Read-MarkdownFile -Path $Path
    $file = $doc.File
    $names = @($doc.Sections | ForEach-Object Name)
    if (($names -join '|') -ne 'DESCRIPTION|PARAMETERS') { Stop-Source $file "the sections must be ## DESCRIPTION, then ## PARAMETERS (found: $($names -join ', '))." }
    if (-not (Get-TextParagraphs -Lines $doc.Sections[0].Lines -File $file)) { Stop-Source $file '## DESCRIPTION is empty: say what the file is for.' $doc.Sections[0].Line }
    $parameters = Read-ParameterDescriptions -Section $doc.Sections[1] -File $file
    if (-not $parameters.Descriptions.Count) { Stop-Source $file '## PARAMETERS has no ### -<Name>.' $doc.Sections[1].Line }
    $parameters.Descriptions
}

# ---- Cmdlet metadata ---------------------------------------------------------------------------------------

function Get-PipelineInputText {
    param([System.Management.Automation.CommandParameterInfo] $Parameter)
    $kinds = @()
    if ($Parameter.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($Parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Get-SortedParameterSets {
    # The default set first, then the others in Get-Command's order.
    param([System.Management.Automation.CommandInfo] $Command)
    $sets = @($Command.ParameterSets)
    @($sets | Where-Object IsDefault) + @($sets | Where-Object { -not $_.IsDefault })
}

function Get-DisplayOrder {
    # A set's parameters as PowerShell shows them: positional by position, then mandatory named, then named.
    param([System.Management.Automation.CommandParameterSetInfo] $Set)
    $own = @($Set.Parameters | Where-Object { $_.Name -notin $script:CommonParameters })
    $named = @($own | Where-Object Position -EQ ([int]::MinValue))
    @($own | Where-Object Position -NE ([int]::MinValue) | Sort-Object Position) + @($named | Where-Object IsMandatory) + @($named | Where-Object { -not $_.IsMandatory })
}

function Get-AcceptedValues {
    # The values of every attribute with a ValidValues property (ValidateSet or another); with several, the ones all accept.
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $accepted = $null
    foreach ($attribute in $Parameter.Attributes) {
        $property = $attribute.PSObject.Properties['ValidValues']
        if ($null -eq $property -or $null -eq $property.Value) { continue }
        $values = @(@($property.Value) | ForEach-Object { [string]$_ })
        if ($null -eq $accepted) { $accepted = $values }
        else { $accepted = @($accepted | Where-Object { $_ -in $values }) }
    }
    if ($null -eq $accepted) { $accepted = @() }
    , $accepted
}

function New-CmdletInstance {
    # A cmdlet object as the constructor leaves it, for the parameters' default values.
    param([System.Management.Automation.CmdletInfo] $Command, [string] $File)
    try {
        [Activator]::CreateInstance($Command.ImplementingType)
    }
    catch {
        Stop-Source $File "cannot create a $($Command.ImplementingType.FullName) to read the default values: $($_.Exception.Message)"
    }
}

function Format-DefaultValue {
    # The default value as the help shows it: the property's value, or None when it is null, empty or the type's default.
    param([object] $Instance, [System.Management.Automation.ParameterMetadata] $Parameter, [string] $File)
    $isSwitch = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $property = $Instance.PSObject.Properties[$Parameter.Name]
    $value = $null
    if ($null -ne $property) {
        try { $value = $property.Value }
        catch { Stop-Source $File "cannot read the default value of -$($Parameter.Name) from $($Instance.GetType().FullName): $($_.Exception.Message)" }
    }
    if ($isSwitch) {
        if ($null -ne $value -and ([System.Management.Automation.SwitchParameter]$value).IsPresent) { return 'True' }
        return 'False'
    }
    if ($null -eq $value) { return 'None' }
    if ($value -is [string]) {
        if ($value -eq '') { return 'None' }
        return $value
    }
    if ($value -is [System.Collections.IEnumerable]) {
        $items = @($value | ForEach-Object { [string]$_ })
        if (-not $items.Count) { return 'None' }
        return $items -join ', '
    }
    if ($value.GetType().IsValueType -and $value.Equals([Activator]::CreateInstance($value.GetType()))) { return 'None' }
    [string]$value
}

function Get-ParameterFacts {
    <# Everything the code says about one parameter. Variants: one per distinct (Required, Position, pipeline
       input) in the sets that have the parameter, each with its sets, in set order. #>
    param([System.Management.Automation.ParameterMetadata] $Parameter, [object[]] $Sets, [object] $Instance, [string] $File)
    $variants = New-Object System.Collections.Generic.List[object]
    foreach ($set in $Sets) {
        $info = @($set.Parameters | Where-Object Name -EQ $Parameter.Name)
        if (-not $info) { continue }
        $required = [bool]$info[0].IsMandatory
        $position = if ($info[0].Position -eq [int]::MinValue) { 'named' } else { [string]$info[0].Position }
        $pipeline = Get-PipelineInputText $info[0]
        $variant = @($variants | Where-Object { $_.Required -eq $required -and $_.Position -eq $position -and $_.PipelineInput -eq $pipeline })
        if ($variant) { $variant[0].Sets.Add($set.Name) }
        else {
            $variantSets = New-Object System.Collections.Generic.List[string]
            $variantSets.Add($set.Name)
            $variants.Add([pscustomobject]@{ Sets = $variantSets; Required = $required; Position = $position; PipelineInput = $pipeline })
        }
    }
    [pscustomobject]@{
        Type           = $Parameter.ParameterType.Name
        IsSwitch       = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
        Aliases        = @($Parameter.Aliases)
        Globbing       = [bool]@($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
        AcceptedValues = Get-AcceptedValues $Parameter
        DefaultValue   = Format-DefaultValue -Instance $Instance -Parameter $Parameter -File $File
        Variants       = $variants
    }
}

# ---- Cmdlet help: read and check -----------------------------------------------------------------------------

function Read-CmdletHelp {
    param([string] $Path, [object] $Module, [System.Collections.IDictionary] $Shared)
    $doc = Read-MarkdownFile -Path $Path
    $file = $doc.File
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    if ($name -notmatch '^([A-Za-z]+)-([A-Za-z0-9]+)$') { Stop-Source $file "'$name' is not a Verb-Noun cmdlet name (nor an about_ topic, nor $script:SharedFileName)." }
    if ($doc.Title -cne $name) { Stop-Source $file "the title '# $($doc.Title)' does not match the file name '$name'." }
    $command = Get-Command -Name $name -Module $Module.Name -CommandType Cmdlet -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) { Stop-Source $file "the module $($Module.Name) has no cmdlet '$name'." }
    if ($command.Name -cne $name) { Stop-Source $file "the cmdlet is written '$($command.Name)'; name the file and the title so." }

    foreach ($key in 'external help file', 'Module Name', 'online version') {
        if (-not $doc.FrontMatter.Contains($key)) { Stop-Source $file "the front matter has no '${key}:'." }
    }
    $helpFile = $doc.FrontMatter['external help file']
    # HelpFile is the name PowerShell derives from the cmdlet's assembly (a full path once Get-Help has found the file).
    $expectedHelpFile = [IO.Path]::GetFileName($command.HelpFile)
    if ($helpFile -ne $expectedHelpFile) { Stop-Source $file "'external help file: $helpFile' is not the file Get-Help reads for this cmdlet: $expectedHelpFile." }

    # The sections: exactly the platyPS ones except SYNTAX, in their order.
    $byName = @{}
    foreach ($section in $doc.Sections) {
        if ($section.Name -eq 'SYNTAX') { Stop-Source $file '## SYNTAX is not written by hand: the syntax is generated from the parameter sets of the code. Remove the section.' $section.Line }
        if ($section.Name -notin $script:SectionOrder) { Stop-Source $file "unknown section '## $($section.Name)' (expected: $($script:SectionOrder -join ', '))." $section.Line }
        if ($byName.ContainsKey($section.Name)) { Stop-Source $file "section '## $($section.Name)' appears twice." $section.Line }
        $byName[$section.Name] = $section
    }
    foreach ($expected in $script:SectionOrder) {
        if (-not $byName.ContainsKey($expected)) { Stop-Source $file "missing section '## $expected'." }
    }
    $actualOrder = @($doc.Sections | ForEach-Object Name)
    if (($actualOrder -join '|') -ne ($script:SectionOrder -join '|')) { Stop-Source $file "the sections are out of order: $($actualOrder -join ', ') (expected: $($script:SectionOrder -join ', '))." }

    $synopsis = Get-TextParagraphs -Lines $byName['SYNOPSIS'].Lines -File $file
    if (-not $synopsis -or $byName['SYNOPSIS'].Subsections.Count) { Stop-Source $file '## SYNOPSIS must be one or more paragraphs of text.' $byName['SYNOPSIS'].Line }
    $description = Get-TextParagraphs -Lines $byName['DESCRIPTION'].Lines -File $file
    if (-not $description) { Stop-Source $file '## DESCRIPTION is empty.' $byName['DESCRIPTION'].Line }
    if ($byName['DESCRIPTION'].Subsections.Count) { Stop-Source $file '## DESCRIPTION must not have ### subsections.' $byName['DESCRIPTION'].Subsections[0].Line }

    # Examples: ### Example N[: title], at least one code block, and text that says what it does.
    $examples = New-Object System.Collections.Generic.List[object]
    $examplesSection = $byName['EXAMPLES']
    if (@(Split-MarkdownBlocks -Lines $examplesSection.Lines -File $file).Count) { Stop-Source $file '## EXAMPLES has text outside a ### Example.' $examplesSection.Line }
    foreach ($sub in $examplesSection.Subsections) {
        if ($sub.Name -notmatch '^Example \d+') { Stop-Source $file "'### $($sub.Name)' in ## EXAMPLES must start with 'Example <n>'." $sub.Line }
        $blocks = @(Split-MarkdownBlocks -Lines $sub.Lines -File $file)
        $code = @($blocks | Where-Object Kind -EQ 'Code')
        $remarks = @(ConvertTo-Paragraphs @($blocks | Where-Object Kind -NE 'Code'))
        if (-not $code) { Stop-Source $file "'### $($sub.Name)' has no code block." $sub.Line }
        if (-not $remarks) { Stop-Source $file "'### $($sub.Name)' has no text explaining it." $sub.Line }
        $examples.Add([pscustomobject]@{
                Title   = $sub.Name
                Code    = (@($code | ForEach-Object { $_.Lines -join "`n" }) -join "`n`n")
                Remarks = $remarks
            })
    }
    if (-not $examples.Count) { Stop-Source $file '## EXAMPLES has no ### Example.' $examplesSection.Line }

    # Parameters: the descriptions from the markdown (the cmdlet's own, else the shared one), the facts from the code.
    $parametersSection = $byName['PARAMETERS']
    $written = Read-ParameterDescriptions -Section $parametersSection -File $file -AllowCommonParameters
    if (-not $written.HasCommonParameters) { Stop-Source $file '## PARAMETERS has no ### CommonParameters.' $parametersSection.Line }
    $documented = @($command.Parameters.Values | Where-Object { $_.Name -notin $script:CommonParameters })
    foreach ($entry in $written.Descriptions.Values) {
        if ($entry.Name -in $script:CommonParameters) { Stop-Source $file "-$($entry.Name) is a common parameter: ### CommonParameters covers it." $entry.Line }
        $match = @($documented | Where-Object Name -EQ $entry.Name)
        if (-not $match) { Stop-Source $file "### -$($entry.Name): $name has no parameter -$($entry.Name)." $entry.Line }
        if ($match[0].Name -cne $entry.Name) { Stop-Source $file "### -$($entry.Name): the parameter is written -$($match[0].Name)." $entry.Line }
    }

    $sets = Get-SortedParameterSets $command
    $instance = New-CmdletInstance -Command $command -File $file
    try {
        $parameters = New-Object System.Collections.Generic.List[object]
        foreach ($codeParameter in $documented) {
            $parameterName = $codeParameter.Name
            $text = if ($written.Descriptions.Contains($parameterName)) { $written.Descriptions[$parameterName].Description }
            elseif ($Shared.Contains($parameterName)) {
                if ($Shared[$parameterName].Name -cne $parameterName) { Stop-Source $script:SharedFileName "### -$($Shared[$parameterName].Name): the parameter is written -$parameterName." $Shared[$parameterName].Line }
                $Shared[$parameterName].Description
            }
            else { Stop-Source $file "parameter -$parameterName has neither its own description (### -$parameterName) nor a shared one (in $script:SharedFileName)." $parametersSection.Line }
            $facts = Get-ParameterFacts -Parameter $codeParameter -Sets $sets -Instance $instance -File $file
            $facts | Add-Member -NotePropertyName Name -NotePropertyValue $parameterName
            $facts | Add-Member -NotePropertyName Description -NotePropertyValue @($text)
            $parameters.Add($facts)
        }
    }
    finally {
        if ($instance -is [System.IDisposable]) { $instance.Dispose() }
    }

    # Syntax: one item per parameter set, the default first, the parameters in PowerShell's display order.
    $syntax = @(foreach ($set in $sets) {
            [pscustomobject]@{ Name = $set.Name; Parameters = @(Get-DisplayOrder $set | ForEach-Object Name) }
        })

    $inputs = Read-TypeSection -Section $byName['INPUTS'] -File $file
    $outputs = Read-TypeSection -Section $byName['OUTPUTS'] -File $file
    $notes = Get-TextParagraphs -Lines $byName['NOTES'].Lines -File $file
    if (-not $notes) { Stop-Source $file '## NOTES is empty.' $byName['NOTES'].Line }
    if ($byName['NOTES'].Subsections.Count) { Stop-Source $file '## NOTES must not have ### subsections.' $byName['NOTES'].Subsections[0].Line }

    $links = New-Object System.Collections.Generic.List[object]
    $online = $doc.FrontMatter['online version']
    if ($online) {
        if ($online -notmatch '^https?://') { Stop-Source $file "'online version: $online' is not an http(s) address." }
        $links.Add([pscustomobject]@{ Text = 'Online Version:'; Uri = $online })
    }
    foreach ($block in Split-MarkdownBlocks -Lines $byName['RELATED LINKS'].Lines -File $file) {
        foreach ($text in $block.Lines) {
            if ($text -notmatch '^\s*(?:-\s+)?\[([^\]]+)\]\(([^)]*)\)\s*$') { Stop-Source $file "related link '$text' is not '[text](address)'." $block.Line }
            $uri = if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }
            $links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $uri })
        }
    }

    [pscustomobject]@{
        Name        = $name
        Verb        = $command.Verb
        Noun        = $command.Noun
        File        = $file
        HelpFile    = $helpFile
        Synopsis    = $synopsis
        Description = $description
        Syntax      = $syntax
        Parameters  = $parameters
        Examples    = $examples
        Inputs      = $inputs
        Outputs     = $outputs
        Notes       = $notes
        Links       = $links
    }
}

function Get-ParameterVariant {
    # The variant of a parameter that applies to a set.
    param([object] $Parameter, [string] $SetName)
    foreach ($variant in $Parameter.Variants) {
        if ($SetName -in $variant.Sets) { return $variant }
    }
    throw "Internal error: -$($Parameter.Name) has no variant for set '$SetName'."
}

function Read-TypeSection {
    # ## INPUTS / ## OUTPUTS: ### <type name> (or ### None), each with an optional description.
    param([object] $Section, [string] $File)
    if (@(Split-MarkdownBlocks -Lines $Section.Lines -File $File).Count) { Stop-Source $File "## $($Section.Name) has text outside a ### <type>." $Section.Line }
    if (-not $Section.Subsections.Count) { Stop-Source $File "## $($Section.Name) names no type (### <type>, or ### None)." $Section.Line }
    foreach ($sub in $Section.Subsections) {
        [pscustomobject]@{ Type = $sub.Name; Description = @(Get-TextParagraphs -Lines $sub.Lines -File $File) }
    }
}

# ---- Cmdlet help: write MAML ---------------------------------------------------------------------------------

function Write-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [string] $Element, [string] $Namespace, [string[]] $Paragraphs)
    $Writer.WriteStartElement($Element, $Namespace)
    $any = $false
    foreach ($text in $Paragraphs) {
        $Writer.WriteElementString('para', $script:Ns.Maml, $text)
        $any = $true
    }
    if (-not $any) { $Writer.WriteElementString('para', $script:Ns.Maml, '') }
    $Writer.WriteEndElement()
}

function Write-MamlParameter {
    # The parameter's facts and description, with the flags of one variant (that of a set, or the first).
    param([System.Xml.XmlWriter] $Writer, [object] $Parameter, [object] $Variant, [switch] $InSyntax)
    $isSwitch = $Parameter.IsSwitch
    $Writer.WriteStartElement('parameter', $script:Ns.Command)
    $Writer.WriteAttributeString('required', $Variant.Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $Parameter.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Variant.PipelineInput)
    $Writer.WriteAttributeString('position', $Variant.Position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $script:Ns.Maml, $Parameter.Name)
    Write-Paragraphs -Writer $Writer -Element 'description' -Namespace $script:Ns.Maml -Paragraphs $Parameter.Description
    if ($Parameter.AcceptedValues) {
        $Writer.WriteStartElement('parameterValueGroup', $script:Ns.Command)
        foreach ($value in $Parameter.AcceptedValues) {
            $Writer.WriteStartElement('parameterValue', $script:Ns.Command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('parameterValue', $script:Ns.Command)
        $Writer.WriteAttributeString('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('type', $script:Ns.Dev)
    $Writer.WriteElementString('name', $script:Ns.Maml, $Parameter.Type)
    $Writer.WriteElementString('uri', $script:Ns.Maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('defaultValue', $script:Ns.Dev, $Parameter.DefaultValue)
    $Writer.WriteEndElement()
}

function Write-TypeList {
    param([System.Xml.XmlWriter] $Writer, [string] $ListElement, [string] $ItemElement, [object[]] $Types)
    $Writer.WriteStartElement($ListElement, $script:Ns.Command)
    foreach ($type in $Types) {
        $Writer.WriteStartElement($ItemElement, $script:Ns.Command)
        $Writer.WriteStartElement('type', $script:Ns.Dev)
        $Writer.WriteElementString('name', $script:Ns.Maml, $type.Type)
        $Writer.WriteEndElement()
        Write-Paragraphs -Writer $Writer -Element 'description' -Namespace $script:Ns.Maml -Paragraphs $type.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, [object] $Help)
    $Writer.WriteStartElement('command', 'command', $script:Ns.Command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $script:Ns.Maml)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $script:Ns.Command)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $script:Ns.Dev)
    $Writer.WriteAttributeString('xmlns', 'MSHelp', $null, $script:Ns.MSHelp)

    $Writer.WriteStartElement('details', $script:Ns.Command)
    $Writer.WriteElementString('name', $script:Ns.Command, $Help.Name)
    $Writer.WriteElementString('verb', $script:Ns.Command, $Help.Verb)
    $Writer.WriteElementString('noun', $script:Ns.Command, $Help.Noun)
    Write-Paragraphs -Writer $Writer -Element 'description' -Namespace $script:Ns.Maml -Paragraphs $Help.Synopsis
    $Writer.WriteEndElement()

    Write-Paragraphs -Writer $Writer -Element 'description' -Namespace $script:Ns.Maml -Paragraphs $Help.Description

    $Writer.WriteStartElement('syntax', $script:Ns.Command)
    foreach ($set in $Help.Syntax) {
        $Writer.WriteStartElement('syntaxItem', $script:Ns.Command)
        $Writer.WriteElementString('name', $script:Ns.Maml, $Help.Name)
        foreach ($parameterName in $set.Parameters) {
            $parameter = $Help.Parameters | Where-Object Name -EQ $parameterName
            Write-MamlParameter -Writer $Writer -Parameter $parameter -Variant (Get-ParameterVariant -Parameter $parameter -SetName $set.Name) -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('parameters', $script:Ns.Command)
    foreach ($parameter in $Help.Parameters) {
        Write-MamlParameter -Writer $Writer -Parameter $parameter -Variant $parameter.Variants[0]
    }
    $Writer.WriteEndElement()

    Write-TypeList -Writer $Writer -ListElement 'inputTypes' -ItemElement 'inputType' -Types $Help.Inputs
    Write-TypeList -Writer $Writer -ListElement 'returnValues' -ItemElement 'returnValue' -Types $Help.Outputs

    $Writer.WriteStartElement('alertSet', $script:Ns.Maml)
    Write-Paragraphs -Writer $Writer -Element 'alert' -Namespace $script:Ns.Maml -Paragraphs $Help.Notes
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('examples', $script:Ns.Command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('example', $script:Ns.Command)
        $Writer.WriteElementString('title', $script:Ns.Maml, "---------- $($example.Title) ----------")
        $Writer.WriteElementString('code', $script:Ns.Dev, $example.Code)
        Write-Paragraphs -Writer $Writer -Element 'remarks' -Namespace $script:Ns.Dev -Paragraphs $example.Remarks
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('relatedLinks', $script:Ns.Maml)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('navigationLink', $script:Ns.Maml)
        $Writer.WriteElementString('linkText', $script:Ns.Maml, $link.Text)
        $Writer.WriteElementString('uri', $script:Ns.Maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlFile {
    param([string] $Path, [object[]] $Commands)
    $settings = New-Object System.Xml.XmlWriterSettings
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.NewLineHandling = [System.Xml.NewLineHandling]::Replace
    $settings.Encoding = New-Object System.Text.UTF8Encoding -ArgumentList $false
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:Ns.Msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($help in $Commands) { Write-MamlCommand -Writer $writer -Help $help }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

# ---- About topics --------------------------------------------------------------------------------------------

function Format-Wrapped {
    # Wraps text at 80 columns: the first line after $First, the others after $Rest.
    param([string] $Text, [string] $First, [string] $Rest, [int] $Width = 80)
    $lines = New-Object System.Collections.Generic.List[string]
    $line = $First
    $empty = $true
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if (-not $empty -and ($line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($line)
            $line = $Rest + $word
        }
        elseif ($empty) { $line += $word }
        else { $line += ' ' + $word }
        $empty = $false
    }
    $lines.Add($line)
    $lines
}

function ConvertTo-AboutText {
    param([string] $Path)
    $doc = Read-MarkdownFile -Path $Path
    $file = $doc.File
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    if ($doc.Title -ne $name) { Stop-Source $file "the title '# $($doc.Title)' does not match the file name '$name'." }
    $names = @($doc.Sections | ForEach-Object Name)
    if ($names.Count -lt 2 -or $names[0] -ne 'SHORT DESCRIPTION' -or $names[1] -ne 'LONG DESCRIPTION') {
        Stop-Source $file 'an about topic starts with ## SHORT DESCRIPTION, then ## LONG DESCRIPTION.'
    }
    if (-not (Get-TextParagraphs -Lines $doc.Sections[0].Lines -File $file)) { Stop-Source $file '## SHORT DESCRIPTION is empty.' $doc.Sections[0].Line }

    $out = New-Object System.Collections.Generic.List[string]
    $out.Add('TOPIC')
    $out.Add("    $name")
    foreach ($section in $doc.Sections) {
        $out.Add('')
        $out.Add($section.Name.ToUpperInvariant())
        $parts = @([pscustomobject]@{ Heading = $null; Lines = $section.Lines }) + @($section.Subsections | ForEach-Object { [pscustomobject]@{ Heading = $_.Name; Lines = $_.Lines } })
        foreach ($part in $parts) {
            if ($part.Heading) {
                $out.Add('')
                $out.Add("  $($part.Heading)")
                $out.Add('  ' + ('-' * $part.Heading.Length))
            }
            $first = $true
            $previous = $null
            foreach ($block in Split-MarkdownBlocks -Lines $part.Lines -File $file) {
                # Items of one list stay together; everything else is separated by a blank line.
                if (-not ($block.Kind -eq 'ListItem' -and $previous -eq 'ListItem') -and -not ($first -and -not $part.Heading)) { $out.Add('') }
                switch ($block.Kind) {
                    'Paragraph' { Format-Wrapped -Text ($block.Lines -join ' ') -First '    ' -Rest '    ' | ForEach-Object { $out.Add($_) } }
                    'ListItem' { Format-Wrapped -Text ($block.Lines -join ' ') -First '    - ' -Rest '      ' | ForEach-Object { $out.Add($_) } }
                    'Table' { foreach ($row in Format-PlainTable -Rows $block.Lines) { $out.Add("    $row") } }
                    'Code' { foreach ($row in $block.Lines) { $out.Add($(if ($row.Trim()) { "        $row" } else { '' })) } }
                }
                $previous = $block.Kind
                $first = $false
            }
        }
    }
    ($out -join "`n") + "`n"
}

# ---- Main ----------------------------------------------------------------------------------------------------

if (-not (Test-Path -LiteralPath $SourcePath -PathType Container)) { throw "The help source folder '$SourcePath' does not exist." }
$SourcePath = (Resolve-Path -LiteralPath $SourcePath).ProviderPath
$sources = @(Get-ChildItem -LiteralPath $SourcePath -Filter '*.md' -File | Sort-Object Name)
$sharedSource = @($sources | Where-Object Name -EQ $script:SharedFileName)
$aboutSources = @($sources | Where-Object Name -Like 'about_*.md')
$cmdletSources = @($sources | Where-Object { $_.Name -notlike 'about_*.md' -and $_.Name -ne $script:SharedFileName })
if (-not $cmdletSources) { throw "No cmdlet help sources (<Verb>-<Noun>.md) in '$SourcePath'." }

# The cmdlets' metadata: the built module, imported here (build.ps1 runs this in a child pwsh for that).
if (-not (Test-Path -LiteralPath $ModulePath)) { throw "The module '$ModulePath' does not exist (build it first)." }
$module = @(Import-Module -Name (Resolve-Path -LiteralPath $ModulePath).ProviderPath -PassThru -ErrorAction Stop) | Select-Object -First 1
if (-not $module) { throw "Importing '$ModulePath' gave no module." }

$shared = if ($sharedSource) { Read-SharedParameters -Path $sharedSource[0].FullName } else { @{} }
$commands = @($cmdletSources | ForEach-Object { Read-CmdletHelp -Path $_.FullName -Module $module -Shared $shared })
$abouts = @($aboutSources | ForEach-Object { [pscustomobject]@{ Name = $_.BaseName; Text = ConvertTo-AboutText -Path $_.FullName } })

if ($ManifestPath) {
    $exported = @((Import-PowerShellDataFile -LiteralPath $ManifestPath).CmdletsToExport)
    $documented = @($commands | ForEach-Object Name)
    $undocumented = @($exported | Where-Object { $_ -notin $documented })
    $unexported = @($documented | Where-Object { $_ -notin $exported })
    if ($undocumented) { throw "No help source in '$SourcePath' for the exported cmdlet(s): $($undocumented -join ', ')." }
    if ($unexported) { throw "Help sources for cmdlet(s) the manifest does not export: $($unexported -join ', ')." }
}

# Everything was read and checked: only now write, so a bad source leaves no half-written help behind.
if (-not (Test-Path -LiteralPath $OutputPath)) { $null = New-Item -ItemType Directory -Path $OutputPath }
$OutputPath = (Resolve-Path -LiteralPath $OutputPath).ProviderPath
foreach ($group in $commands | Group-Object HelpFile) {
    $target = Join-Path $OutputPath $group.Name
    Write-MamlFile -Path $target -Commands $group.Group
    Get-Item -LiteralPath $target
}
foreach ($about in $abouts) {
    $target = Join-Path $OutputPath "$($about.Name).help.txt"
    [IO.File]::WriteAllText($target, $about.Text, (New-Object System.Text.UTF8Encoding -ArgumentList $true))
    Get-Item -LiteralPath $target
}
