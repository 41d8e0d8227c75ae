using Sunshine.Domain.Common;

namespace Sunshine.Domain.Registry;

/// <summary>A consent (知情同意) of one scope: when it was given and, if so, when it was withdrawn.</summary>
public sealed class Consent
{
    private Consent()
    {
    }

    internal Consent(ConsentScope scope, DateOnly givenOn)
    {
        Id = Guid.CreateVersion7();
        Scope = scope;
        GivenOn = givenOn;
    }

    public Guid Id { get; private set; }

    public ConsentScope Scope { get; private set; }

    public DateOnly GivenOn { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public bool IsActiveOn(DateOnly date) => GivenOn <= date && (WithdrawnOn is null || WithdrawnOn > date);

    internal void Withdraw(DateOnly on)
    {
        if (on < GivenOn)
        {
            throw new DomainException("consent.withdrawn_before_given", "Consent cannot be withdrawn before it was given.", field: "withdrawnOn");
        }

        WithdrawnOn = on;
    }
}
