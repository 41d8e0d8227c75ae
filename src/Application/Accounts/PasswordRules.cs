using FluentValidation;

namespace Sunshine.Application.Accounts;

/// <summary>The password policy: at least 8 characters from at least 3 of the 4 character classes.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;
    public const int RequiredClasses = 3;

    public static int CountClasses(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var classes = 0;
        if (password.Any(char.IsAsciiLetterLower))
        {
            classes++;
        }

        if (password.Any(char.IsAsciiLetterUpper))
        {
            classes++;
        }

        if (password.Any(char.IsAsciiDigit))
        {
            classes++;
        }

        if (password.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            classes++;
        }

        return classes;
    }

    public static bool IsStrongEnough(string? password) =>
        password is { Length: >= MinimumLength and <= MaximumLength } && CountClasses(password) >= RequiredClasses;

    /// <summary>Validates a new password field with a stable code.</summary>
    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Must(IsStrongEnough)
            .WithErrorCode("password.too_weak")
            .WithMessage($"A password has {MinimumLength} to {MaximumLength} characters from at least {RequiredClasses} of: lower-case letters, capitals, digits, symbols.");
}
