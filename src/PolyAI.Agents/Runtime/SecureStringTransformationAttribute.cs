using System.Management.Automation;
using System.Security;

namespace PolyAI.Agents.Runtime;

/// <summary>Lets -ApiKey take a SecureString or a plain string (from a vault, a pipeline variable or a test).</summary>
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text ? ToSecureString(text) : value;
    }

    internal static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
