using Sunshine.Domain.Common;
using Sunshine.Domain.Registry;

namespace Sunshine.Domain.UnitTests;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X", "1949-12-31", Sex.Female)] // the published GB 11643 sample
    [InlineData("11010519491231002x", "11010519491231002X", "1949-12-31", Sex.Female)] // lower-case x normalised
    [InlineData(" 11010519491231002X ", "11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("439901200002290014", "439901200002290014", "2000-02-29", Sex.Male)] // 29 February of a leap year; unknown address code
    public void Valid_numbers_give_birth_date_and_sex(string input, string normalised, string birth, Sex sex)
    {
        var id = ResidentIdNumber.Create(input, Today);

        Assert.Equal(normalised, id.Value);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
        Assert.Equal(sex, id.Sex);
    }

    [Theory]
    [InlineData("110105194912310021", "id_number.check_digit")] // wrong check digit (X expected)
    [InlineData("11010519491231002", "id_number.length")]
    [InlineData("11010519491231002X1", "id_number.length")]
    [InlineData("1101051949123100AX", "id_number.characters")]
    [InlineData("11010519491231002Y", "id_number.characters")]
    [InlineData("439901190102290015", "id_number.birth_date")] // 29 February 1901, not a leap year
    [InlineData("439901199913310017", "id_number.birth_date")] // month 13
    [InlineData("439901202612010015", "id_number.birth_date_future")] // 1 December 2026, after today
    [InlineData("", "id_number.length")]
    [InlineData(null, "id_number.length")]
    public void Invalid_numbers_are_refused_with_a_code(string? input, string code)
    {
        var error = Assert.Throws<DomainException>(() => ResidentIdNumber.Create(input, Today));

        Assert.Equal(code, error.Code);
        Assert.Equal("idNumber", error.Field);
    }

    [Fact]
    public void The_check_characters_of_the_test_data_are_right()
    {
        Assert.Equal('X', ResidentIdNumber.CheckCharacterFor("11010519491231002"));
        Assert.Equal('4', ResidentIdNumber.CheckCharacterFor("43990120000229001"));
        Assert.Equal('5', ResidentIdNumber.CheckCharacterFor("43990119010229001"));
        Assert.Equal('7', ResidentIdNumber.CheckCharacterFor("43990119991331001"));
        Assert.Equal('5', ResidentIdNumber.CheckCharacterFor("43990120261201001"));
    }

    [Fact]
    public void Today_itself_is_a_valid_birth_date_and_tomorrow_is_not()
    {
        var first17Today = "439901" + Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "001";
        var tomorrow = "439901" + Today.AddDays(1).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "001";

        Assert.Equal(Today, ResidentIdNumber.Create(first17Today + ResidentIdNumber.CheckCharacterFor(first17Today), Today).BirthDate);
        Assert.Equal("id_number.birth_date_future",
            Assert.Throws<DomainException>(() => ResidentIdNumber.Create(tomorrow + ResidentIdNumber.CheckCharacterFor(tomorrow), Today)).Code);
    }

    [Fact]
    public void The_mask_shows_the_first_six_and_last_four()
    {
        Assert.Equal("110105********002X", ResidentIdNumber.Create("11010519491231002X", Today).Masked);
    }
}

public sealed class DisabilityCertificateNumberTests
{
    private static readonly ResidentIdNumber Holder = ResidentIdNumber.Create("11010519491231002X", new DateOnly(2026, 11, 29));

    [Theory]
    [InlineData("11010519491231002X11", DisabilityCategory.Vision, DisabilityLevel.Level1)]
    [InlineData("11010519491231002x74", DisabilityCategory.Multiple, DisabilityLevel.Level4)]
    [InlineData("11010519491231002X42", DisabilityCategory.Physical, DisabilityLevel.Level2)]
    public void Category_and_level_are_derived(string input, DisabilityCategory category, DisabilityLevel level)
    {
        var certificate = DisabilityCertificateNumber.Create(input, Holder);

        Assert.Equal(category, certificate.Category);
        Assert.Equal(level, certificate.Level);
        Assert.Equal("110105********002X**", certificate.Masked);
    }

    [Theory]
    [InlineData("11010519491231002X81", "certificate_number.category")] // category 8
    [InlineData("11010519491231002X01", "certificate_number.category")] // category 0
    [InlineData("11010519491231002X10", "certificate_number.level")] // level 0
    [InlineData("11010519491231002X15", "certificate_number.level")] // level 5
    [InlineData("43990120000229001441", "certificate_number.holder_mismatch")] // someone else's ID number
    [InlineData("11010519491231002X1", "certificate_number.length")]
    public void Invalid_certificates_are_refused(string input, string code)
    {
        var error = Assert.Throws<DomainException>(() => DisabilityCertificateNumber.Create(input, Holder));

        Assert.Equal(code, error.Code);
        Assert.Equal("certificateNumber", error.Field);
    }
}

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678", true, "138****5678")]
    [InlineData("+86 138 1234 5678", "13812345678", true, "138****5678")]
    [InlineData("0736-7251234", "0736-7251234", false, "073****1234")]
    [InlineData("07367251234", "0736-7251234", false, "073****1234")]
    [InlineData("010-62345678", "010-62345678", false, "010****5678")]
    [InlineData("0736-7251234-801", "0736-7251234-801", false, "073*******4801")]
    public void Mobile_and_landline_numbers_are_normalised(string input, string value, bool mobile, string masked)
    {
        var phone = PhoneNumber.Create(input);

        Assert.Equal(value, phone.Value);
        Assert.Equal(mobile, phone.IsMobile);
        Assert.Equal(masked, phone.Masked);
    }

    [Theory]
    [InlineData("12812345678")] // no such mobile prefix
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("7251234")] // landline without area code
    [InlineData("abc")]
    public void Other_numbers_are_refused(string input)
    {
        Assert.Equal("phone.invalid", Assert.Throws<DomainException>(() => PhoneNumber.Create(input)).Code);
    }
}

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("99999.99", true)]
    [InlineData("100000.00", true)]
    [InlineData("0.001", false)]
    [InlineData("-0.01", false)]
    public void Amounts_have_at_most_two_decimals_and_are_not_negative(string input, bool valid)
    {
        var yuan = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);
        if (valid)
        {
            Assert.Equal(yuan, Money.FromYuan(yuan).Yuan);
        }
        else
        {
            Assert.Throws<DomainException>(() => Money.FromYuan(yuan));
        }
    }

    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("1.004", "1.00")]
    [InlineData("2.675", "2.68")]
    public void Calculations_round_half_away_from_zero(string input, string expected) =>
        Assert.Equal(
            decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.Round(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).Yuan);
}
