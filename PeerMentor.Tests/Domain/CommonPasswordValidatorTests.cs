using PeerMentor.Domain.Accounts;

namespace PeerMentor.Tests.Domain;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("Football2026!")]
    [InlineData("!!iloveyou!!2026")]
    [InlineData("123456789012")]
    public void Common_passwords_and_common_words_dressed_up_with_digits_are_refused(string password) =>
        Assert.Contains("too common", CommonPasswordValidator.Check(password, "someone@example.com", "Some One"));

    [Fact]
    public void A_password_built_from_the_persons_email_is_refused() =>
        Assert.Contains("name or email", CommonPasswordValidator.Check("jordanfisher-is-great", "jordanfisher@example.com", "J F"));

    [Fact]
    public void A_password_built_from_the_persons_name_is_refused() =>
        Assert.Contains("name or email", CommonPasswordValidator.Check("my name is Marguerite", "x@example.com", "Marguerite Duras"));

    [Fact]
    public void A_long_password_of_few_distinct_characters_is_refused() =>
        Assert.NotNull(CommonPasswordValidator.Check("abababababababab", null, null));

    [Fact]
    public void A_password_over_128_characters_is_refused() =>
        Assert.Contains("128", CommonPasswordValidator.Check(new string('x', 60) + new string('y', 69), null, null));

    [Theory]
    [InlineData("violet stapler journey")]
    [InlineData("Tr0ub4dor&3-horse-lamp")]
    public void Unusual_passphrases_pass(string password) =>
        Assert.Null(CommonPasswordValidator.Check(password, "someone@example.com", "Some One"));
}
