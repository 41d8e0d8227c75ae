namespace Sunshine.Application.Common.Security;

/// <summary>
/// The permission a caller needs to send this request (see the role table). With several, any one
/// of them lets the request in; the use case then checks which its step needs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresPermissionAttribute(params string[] permissions) : Attribute
{
    public IReadOnlyList<string> Permissions { get; } = permissions;

    public string Permission => Permissions[0];
}

/// <summary>Any signed-in caller may send this request (their own profile, their own password).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresSignInAttribute : Attribute;

/// <summary>Callers who are not signed in may send this request (signing in).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowAnonymousRequestAttribute : Attribute;

/// <summary>
/// Open to an account that owes a second factor (its role requires one and it has not enrolled): enrolment, the caller's
/// own profile and signing out. Everything else answers 403 <c>auth.two_factor_enrolment_required</c> to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowedBeforeTwoFactorEnrolmentAttribute : Attribute;
