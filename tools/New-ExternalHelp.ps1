#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the module's external help from platyPS-style markdown: one MAML file per "external help file"
    (PolyAI.Agents.Cmdlets.dll-Help.xml) and one about_*.help.txt per about topic.
.DESCRIPTION
    platyPS is not needed (nor available everywhere this builds); this reads the same markdown schema
    (platyPS 2.0.0) and writes what Get-Help reads. It checks the sources as it goes and stops at the first
    problem, naming the file: a missing or misplaced section, an empty synopsis or description, an example
    without code, a parameter without its yaml block or with a yaml key missing or malformed, a syntax block
    that does not list exactly the parameters whose "Parameter Sets" include it, a cmdlet the manifest exports
    without a help file (or a help file for a cmdlet it does not export).

    Sources, in -SourcePath (docs/en-US):
      <Verb>-<Noun>.md      one per cmdlet: front matter (external help file, Module Name, online version),
                            then # <Verb>-<Noun> and the sections SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES,
                            PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS in that order.
      about_<Topic>.md      # about_<Topic>, then ## SHORT DESCRIPTION, ## LONG DESCRIPTION and any further
                            ## sections; written as plain text wrapped at 80 columns.

    Markdown understood in text: paragraphs (lines joined), "- " list items (one paragraph each), tables and
    fenced code (kept line by line). Everything else is kept verbatim.
.EXAMPLE
    ./tools/New-ExternalHelp.ps1 -OutputPath out/PolyAI.Agents/en-US -ManifestPath ./PolyAI.Agents.psd1
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

    # The module manifest: when given, every cmdlet in CmdletsToExport must have a help file, and no help
    # file may describe a cmdlet the manifest does not export.
    [string] $ManifestPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:SectionOrder = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$script:YamlKeys = @('Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters')
$script:OptionalYamlKeys = @('Accepted values')
$script:AllSetsName = '__AllParameterSets'
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

# ---- Cmdlet help: read and check -----------------------------------------------------------------------------

function ConvertFrom-ParameterYaml {
    param([object] $Block, [string] $File, [string] $Parameter)
    $values = @{}
    foreach ($text in $Block.Lines) {
        if (-not $text.Trim()) { continue }
        if ($text -notmatch '^([A-Za-z][A-Za-z ]*?)\s*:\s*(.*?)\s*$') { Stop-Source $File "parameter -${Parameter}: yaml line '$text' is not 'key: value'." $Block.Line }
        $key = $Matches[1]
        if ($key -notin $script:YamlKeys -and $key -notin $script:OptionalYamlKeys) { Stop-Source $File "parameter -${Parameter}: unknown yaml key '$key'." $Block.Line }
        if ($values.ContainsKey($key)) { Stop-Source $File "parameter -${Parameter}: yaml key '$key' is given twice." $Block.Line }
        $values[$key] = $Matches[2]
    }
    foreach ($key in $script:YamlKeys) {
        if (-not $values.ContainsKey($key)) { Stop-Source $File "parameter -${Parameter}: the yaml block has no '${key}:'." $Block.Line }
    }

    $type = $values['Type']
    if (-not $type) { Stop-Source $File "parameter -${Parameter}: 'Type:' is empty." $Block.Line }
    $sets = @($values['Parameter Sets'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    if (-not $sets) { Stop-Source $File "parameter -${Parameter}: 'Parameter Sets:' is empty (use (All) for every set)." $Block.Line }
    $required = $values['Required']
    if ($required -notin 'True', 'False') { Stop-Source $File "parameter -${Parameter}: 'Required:' must be True or False, not '$required'." $Block.Line }
    $position = $values['Position']
    if ($position -notmatch '^(Named|\d+)$') { Stop-Source $File "parameter -${Parameter}: 'Position:' must be Named or a number, not '$position'." $Block.Line }
    $pipeline = $values['Accept pipeline input']
    if ($pipeline -notmatch '^(False|True \((ByValue|ByPropertyName|ByValue, ByPropertyName)\))$') {
        Stop-Source $File "parameter -${Parameter}: 'Accept pipeline input:' must be False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName), not '$pipeline'." $Block.Line
    }
    $globbing = $values['Accept wildcard characters']
    if ($globbing -notin 'True', 'False') { Stop-Source $File "parameter -${Parameter}: 'Accept wildcard characters:' must be True or False, not '$globbing'." $Block.Line }
    $default = $values['Default value']
    $accepted = @()
    if ($values.ContainsKey('Accepted values')) {
        $accepted = @($values['Accepted values'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        if (-not $accepted) { Stop-Source $File "parameter -${Parameter}: 'Accepted values:' is empty." $Block.Line }
    }

    [pscustomobject]@{
        Type           = $type
        Sets           = $sets
        Aliases        = @($values['Aliases'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        AcceptedValues = $accepted
        Required       = $required -eq 'True'
        Position       = if ($position -eq 'Named') { 'named' } else { $position }
        DefaultValue   = if ($default) { $default } else { 'None' }
        PipelineInput  = $pipeline
        Globbing       = $globbing -eq 'True'
    }
}

function Read-CmdletHelp {
    param([string] $Path)
    $doc = Read-MarkdownFile -Path $Path
    $file = $doc.File
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    if ($doc.Title -ne $name) { Stop-Source $file "the title '# $($doc.Title)' does not match the file name '$name'." }
    if ($name -notmatch '^([A-Za-z]+)-([A-Za-z0-9]+)$') { Stop-Source $file "'$name' is not a Verb-Noun cmdlet name." }
    $verb = $Matches[1]
    $noun = $Matches[2]

    foreach ($key in 'external help file', 'Module Name', 'online version') {
        if (-not $doc.FrontMatter.Contains($key)) { Stop-Source $file "the front matter has no '${key}:'." }
    }
    $helpFile = $doc.FrontMatter['external help file']
    if ($helpFile -notmatch '^[\w.]+-Help\.xml$') { Stop-Source $file "'external help file: $helpFile' is not a <assembly>-Help.xml name." }

    # The sections: exactly the platyPS ones, in their order.
    $byName = @{}
    foreach ($section in $doc.Sections) {
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

    # Syntax: one ### <set> per parameter set ("(Default)" marks the default), or a single code block when
    # the cmdlet has one set. The code block is what the author wants shown; it is checked against the
    # parameters' "Parameter Sets" and gives the order of the parameters in each MAML syntax item.
    $syntax = New-Object System.Collections.Generic.List[object]
    $syntaxSection = $byName['SYNTAX']
    $syntaxParts = if ($syntaxSection.Subsections.Count) {
        if (@(Split-MarkdownBlocks -Lines $syntaxSection.Lines -File $file).Count) { Stop-Source $file '## SYNTAX has text before its first ### parameter set.' $syntaxSection.Line }
        @($syntaxSection.Subsections | ForEach-Object { [pscustomobject]@{ Heading = $_.Name; Line = $_.Line; Lines = $_.Lines } })
    }
    else {
        @([pscustomobject]@{ Heading = $script:AllSetsName; Line = $syntaxSection.Line; Lines = $syntaxSection.Lines })
    }
    foreach ($part in $syntaxParts) {
        $setName = $part.Heading -replace '\s*\(Default\)\s*$', ''
        $blocks = @(Split-MarkdownBlocks -Lines $part.Lines -File $file)
        if ($blocks.Count -ne 1 -or $blocks[0].Kind -ne 'Code') { Stop-Source $file "syntax '$($part.Heading)' must be exactly one code block." $part.Line }
        $codeText = $blocks[0].Lines -join ' '
        if ($codeText -notmatch "^\s*$([regex]::Escape($name))(\s|$)") { Stop-Source $file "syntax '$($part.Heading)' does not start with '$name'." $part.Line }
        $names = @([regex]::Matches($codeText, '(?<=[\s\[])-([A-Za-z][A-Za-z0-9]*)') | ForEach-Object { $_.Groups[1].Value })
        $syntax.Add([pscustomobject]@{ Name = $setName; IsDefault = $part.Heading -match '\(Default\)\s*$'; Parameters = $names; Line = $part.Line })
    }
    $setNames = @($syntax | ForEach-Object Name)
    if (@($setNames | Select-Object -Unique).Count -ne $setNames.Count) { Stop-Source $file 'a parameter set appears twice in ## SYNTAX.' $syntaxSection.Line }

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

    # Parameters: ### -Name, a description, and one yaml block (platyPS writes one more block for a
    # parameter whose flags differ between sets; each block names its sets).
    $parameters = New-Object System.Collections.Generic.List[object]
    $parametersSection = $byName['PARAMETERS']
    if (@(Split-MarkdownBlocks -Lines $parametersSection.Lines -File $file).Count) { Stop-Source $file '## PARAMETERS has text outside a ### -Parameter.' $parametersSection.Line }
    $hasCommonParameters = $false
    foreach ($sub in $parametersSection.Subsections) {
        if ($sub.Name -eq 'CommonParameters') {
            $hasCommonParameters = $true
            if (-not (Get-TextParagraphs -Lines $sub.Lines -File $file)) { Stop-Source $file '### CommonParameters is empty.' $sub.Line }
            continue
        }
        if ($sub.Name -notmatch '^-([A-Za-z][A-Za-z0-9]*)$') { Stop-Source $file "'### $($sub.Name)' in ## PARAMETERS is not '### -<Name>' or '### CommonParameters'." $sub.Line }
        $parameterName = $Matches[1]
        if (@($parameters | Where-Object Name -EQ $parameterName).Count) { Stop-Source $file "parameter -$parameterName is described twice." $sub.Line }
        $blocks = @(Split-MarkdownBlocks -Lines $sub.Lines -File $file)
        $yamlBlocks = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Info -eq 'yaml' })
        $otherCode = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Info -ne 'yaml' })
        $text = @(ConvertTo-Paragraphs @($blocks | Where-Object Kind -NE 'Code'))
        if (-not $yamlBlocks) { Stop-Source $file "parameter -$parameterName has no yaml block (Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters)." $sub.Line }
        if ($otherCode) { Stop-Source $file "parameter -${parameterName}: a code block that is not yaml." $otherCode[0].Line }
        if (-not $text) { Stop-Source $file "parameter -$parameterName has no description." $sub.Line }
        $variants = @($yamlBlocks | ForEach-Object { ConvertFrom-ParameterYaml -Block $_ -File $file -Parameter $parameterName })
        if (@($variants | ForEach-Object Type | Select-Object -Unique).Count -gt 1) { Stop-Source $file "parameter -${parameterName}: its yaml blocks give different types." $sub.Line }
        foreach ($variant in $variants) {
            foreach ($set in $variant.Sets) {
                if ($set -ne '(All)' -and $set -notin $setNames) { Stop-Source $file "parameter -${parameterName}: parameter set '$set' is not in ## SYNTAX." $sub.Line }
            }
        }
        $parameters.Add([pscustomobject]@{ Name = $parameterName; Description = $text; Variants = $variants; Line = $sub.Line })
    }
    if (-not $hasCommonParameters) { Stop-Source $file '## PARAMETERS has no ### CommonParameters.' $parametersSection.Line }

    # Each syntax block lists exactly the parameters that belong to its set.
    foreach ($set in $syntax) {
        $expected = @($parameters | Where-Object { Get-ParameterVariant -Parameter $_ -SetName $set.Name } | ForEach-Object Name)
        $missing = @($expected | Where-Object { $_ -notin $set.Parameters })
        $extra = @($set.Parameters | Where-Object { $_ -notin $expected })
        if ($missing) { Stop-Source $file "syntax '$($set.Name)' does not show -$($missing -join ', -'), whose Parameter Sets include it." $set.Line }
        if ($extra) { Stop-Source $file "syntax '$($set.Name)' shows -$($extra -join ', -'), which has no ### entry for this set in ## PARAMETERS." $set.Line }
        if (@($set.Parameters | Select-Object -Unique).Count -ne $set.Parameters.Count) { Stop-Source $file "syntax '$($set.Name)' shows a parameter twice." $set.Line }
    }

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
        Verb        = $verb
        Noun        = $noun
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
    # The yaml block of a parameter that applies to a set ((All) applies to every set); $null if none.
    param([object] $Parameter, [string] $SetName)
    foreach ($variant in $Parameter.Variants) {
        if ($SetName -in $variant.Sets -or '(All)' -in $variant.Sets) { return $variant }
    }
    $null
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
    param([System.Xml.XmlWriter] $Writer, [object] $Parameter, [object] $Variant, [switch] $InSyntax)
    $isSwitch = $Variant.Type -eq 'SwitchParameter'
    $Writer.WriteStartElement('parameter', $script:Ns.Command)
    $Writer.WriteAttributeString('required', $Variant.Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $Variant.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Variant.PipelineInput)
    $Writer.WriteAttributeString('position', $Variant.Position)
    $Writer.WriteAttributeString('aliases', $(if ($Variant.Aliases) { $Variant.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $script:Ns.Maml, $Parameter.Name)
    Write-Paragraphs -Writer $Writer -Element 'description' -Namespace $script:Ns.Maml -Paragraphs $Parameter.Description
    if ($Variant.AcceptedValues) {
        $Writer.WriteStartElement('parameterValueGroup', $script:Ns.Command)
        foreach ($value in $Variant.AcceptedValues) {
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
        $Writer.WriteString($Variant.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('type', $script:Ns.Dev)
    $Writer.WriteElementString('name', $script:Ns.Maml, $Variant.Type)
    $Writer.WriteElementString('uri', $script:Ns.Maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('defaultValue', $script:Ns.Dev, $Variant.DefaultValue)
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
$aboutSources = @($sources | Where-Object Name -Like 'about_*.md')
$cmdletSources = @($sources | Where-Object Name -NotLike 'about_*.md')
if (-not $cmdletSources) { throw "No cmdlet help sources (<Verb>-<Noun>.md) in '$SourcePath'." }

$commands = @($cmdletSources | ForEach-Object { Read-CmdletHelp -Path $_.FullName })
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
