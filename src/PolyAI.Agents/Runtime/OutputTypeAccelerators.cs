using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// Registers the cmdlets' output types ([OutputType]: [PolyAI.Agents.Connector], [PolyAI.Agents.Session], ...) as type
/// accelerators under their full names: PowerShell resolves [TypeName] literals only in its default load context, and
/// the module lives in a private one. Read from the attributes by reflection, at a fraction of what asking each
/// exported command for its OutputType costs (that builds every cmdlet's parameter metadata at import).
/// </summary>
public static class OutputTypeAccelerators
{
    public static void Register()
    {
        var accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators")
            ?? throw new InvalidOperationException("This PowerShell has no type accelerators.");
        var known = (IDictionary<string, Type>)accelerators.GetProperty("Get")!.GetValue(null)!;
        var add = accelerators.GetMethod("Add", new[] { typeof(string), typeof(Type) })!;
        foreach (var type in OutputTypes().Where(t => !known.ContainsKey(t.FullName!)))
        {
            add.Invoke(null, new object[] { type.FullName!, type });
        }
    }

    /// <summary>The module's own types that its cmdlets declare as output.</summary>
    public static IReadOnlyList<Type> OutputTypes() =>
        typeof(OutputTypeAccelerators).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<CmdletAttribute>() is not null)
            .SelectMany(type => type.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(attribute => attribute.Type)
            .Select(name => name.Type)
            .Where(type => type?.Namespace is { } ns && ns.StartsWith("PolyAI.Agents", StringComparison.Ordinal))
            .Distinct()
            .OrderBy(type => type!.FullName, StringComparer.Ordinal)
            .ToList()!;
}
