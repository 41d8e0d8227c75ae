using Microsoft.AspNetCore.Identity;
using Sunshine.Application.Accounts;

namespace Sunshine.Infrastructure.Identity;

/// <summary>Identity's side of the password policy in <see cref="PasswordRules"/> (3 of 4 character classes).</summary>
public sealed class ThreeClassPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(PasswordRules.IsStrongEnough(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "password.too_weak",
                Description = "A password has at least 8 characters from at least 3 of: lower-case letters, capitals, digits, symbols.",
            }));
}
