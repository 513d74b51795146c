using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace PolyAI.Agents;

/// <summary>
/// Named values a model carries (a variant's attribute values, a config page's variables and schema): a read-only
/// dictionary, so dot access, ConvertTo-Json and Export-Clixml see its entries, whose text (what Export-Csv and
/// string interpolation write) is the values themselves, not a type name.
/// </summary>
public sealed class ValueMap<TValue> : ReadOnlyDictionary<string, TValue>
{
    private readonly Func<string> _text;

    internal ValueMap(IDictionary<string, TValue> values, Func<string> text)
        : base(values) => _text = text;

    /// <summary>"site=London; openingHours=09:00-17:00", or the values as compact JSON.</summary>
    public override string ToString() => _text();
}
