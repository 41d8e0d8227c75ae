namespace Sunshine.Application.Common.Security;

/// <summary>The permission a caller needs to send this request (see the role table).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresPermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}

/// <summary>Any signed-in caller may send this request (their own profile, their own password).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresSignInAttribute : Attribute;

/// <summary>Callers who are not signed in may send this request (signing in).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowAnonymousRequestAttribute : Attribute;
