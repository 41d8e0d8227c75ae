using Sunshine.Application.Accounts;

namespace Sunshine.Domain.UnitTests;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("Abcdef1", false)] // 7 characters, 3 classes
    [InlineData("Abcdefg1", true)] // 8 characters, 3 classes
    [InlineData("abcdefgh", false)] // 1 class
    [InlineData("abcdefg1", false)] // 2 classes
    [InlineData("abcdefg!", false)] // 2 classes
    [InlineData("abcdef1!", true)] // lower, digit, symbol
    [InlineData("ABCDEF1!", true)] // upper, digit, symbol
    [InlineData("Abcdef!x", true)] // lower, upper, symbol
    [InlineData("阳光Abc123", true)] // non-ASCII counts as a symbol
    [InlineData("阳光Abc12", false)] // 7 characters
    public void A_password_needs_8_characters_from_3_classes(string password, bool strong) =>
        Assert.Equal(strong, PasswordRules.IsStrongEnough(password));

    [Fact]
    public void Passwords_over_128_characters_are_refused()
    {
        Assert.True(PasswordRules.IsStrongEnough("Aa1" + new string('x', 125)));
        Assert.False(PasswordRules.IsStrongEnough("Aa1" + new string('x', 126)));
    }
}
