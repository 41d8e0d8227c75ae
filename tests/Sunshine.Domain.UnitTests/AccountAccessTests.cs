using Sunshine.Domain.AccessControl;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.UnitTests;

public sealed class AccountAccessTests
{
    private static readonly Guid County = Guid.CreateVersion7();

    [Theory]
    [InlineData(Roles.SystemAdmin, Roles.SecurityAdmin)]
    [InlineData(Roles.SystemAdmin, Roles.Auditor)]
    [InlineData(Roles.SecurityAdmin, Roles.Auditor)]
    [InlineData(Roles.Auditor, Roles.CityOfficer)]
    [InlineData(Roles.CityOfficer, Roles.CountyOfficer)]
    public void Separated_roles_cannot_be_held_together(string first, string second)
    {
        var error = Assert.Throws<DomainException>(() => AccountAccess.Create([first, second], null, false, []));

        Assert.Equal("account.role_conflict", error.Code);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Every_single_role_is_a_valid_access()
    {
        foreach (var role in Roles.ForAccounts)
        {
            var bound = RoleTable.Get(role).CountyBound;
            var access = AccountAccess.Create([role], bound ? County : null, bound, []);
            Assert.Equal([role], access.Roles);
            Assert.Equal(bound, access.IsCountyBound);
        }
    }

    [Fact]
    public void No_role_at_all_is_an_account_that_can_do_nothing()
    {
        var access = AccountAccess.Create([], null, false, []);

        Assert.Empty(access.EffectivePermissions);
    }

    [Fact]
    public void A_county_officer_needs_an_active_county_level_region()
    {
        Assert.Equal("account.county_required", Assert.Throws<DomainException>(() => AccountAccess.Create([Roles.CountyOfficer], null, false, [])).Code);
        Assert.Equal("account.county_invalid", Assert.Throws<DomainException>(() => AccountAccess.Create([Roles.CountyOfficer], County, false, [])).Code);
        Assert.Equal("account.county_not_allowed", Assert.Throws<DomainException>(() => AccountAccess.Create([Roles.CityOfficer], County, true, [])).Code);
    }

    [Fact]
    public void Pii_reveal_is_granted_on_top_of_the_auditor_role_only()
    {
        var auditor = AccountAccess.Create([Roles.Auditor], null, false, [Permissions.PiiReveal]);
        Assert.Contains(Permissions.PiiReveal, auditor.EffectivePermissions);
        Assert.DoesNotContain(Permissions.PiiReveal, AccountAccess.Create([Roles.Auditor], null, false, []).EffectivePermissions);

        var error = Assert.Throws<DomainException>(() => AccountAccess.Create([Roles.SecurityAdmin], null, false, [Permissions.PiiReveal]));
        Assert.Equal("account.permission_not_grantable", error.Code);
    }

    [Fact]
    public void The_partner_platform_role_belongs_to_api_clients_not_accounts()
    {
        Assert.True(RoleTable.Get(Roles.PartnerPlatform).IsMachine);
        Assert.Equal("account.role_machine_only", Assert.Throws<DomainException>(() => AccountAccess.Create([Roles.PartnerPlatform], null, false, [])).Code);
    }

    [Fact]
    public void Unknown_roles_are_refused()
    {
        Assert.Equal("account.role_unknown", Assert.Throws<DomainException>(() => AccountAccess.Create(["Superuser"], null, false, [])).Code);
    }
}

public sealed class RoleTableTests
{
    [Fact]
    public void The_auditor_can_change_nothing()
    {
        var auditor = RoleTable.Get(Roles.Auditor).Permissions;

        Assert.DoesNotContain(Permissions.ProgrammeWrite, auditor);
        Assert.DoesNotContain(Permissions.AccountsManage, auditor);
        Assert.DoesNotContain(Permissions.AccessAssign, auditor);
        Assert.DoesNotContain(Permissions.RegionsManage, auditor);
        Assert.DoesNotContain(Permissions.CountyDecide, auditor);
        Assert.DoesNotContain(Permissions.CityDecide, auditor);
        Assert.Contains(Permissions.AuditRead, auditor);
    }

    [Theory]
    [InlineData(Roles.SystemAdmin)]
    [InlineData(Roles.SecurityAdmin)]
    public void Administrators_see_no_programme_data_and_no_audit_log(string role)
    {
        var permissions = RoleTable.Get(role).Permissions;

        Assert.DoesNotContain(Permissions.ProgrammeRead, permissions);
        Assert.DoesNotContain(Permissions.AuditRead, permissions);
        Assert.DoesNotContain(Permissions.PiiReveal, permissions);
    }

    [Fact]
    public void Officers_reveal_sensitive_fields_by_default()
    {
        Assert.Contains(Permissions.PiiReveal, RoleTable.Get(Roles.CityOfficer).Permissions);
        Assert.Contains(Permissions.PiiReveal, RoleTable.Get(Roles.CountyOfficer).Permissions);
    }

    [Fact]
    public void Only_the_county_officer_is_county_bound_and_every_permission_belongs_to_some_role()
    {
        Assert.Equal([Roles.CountyOfficer], RoleTable.All.Where(r => r.CountyBound).Select(r => r.Name));
        Assert.Empty(Permissions.All.Except(RoleTable.All.SelectMany(r => r.Permissions.Concat(r.Grantable))));
    }

    [Fact]
    public void Grants_beyond_a_roles_grantable_set_are_ignored_when_computing_permissions()
    {
        var permissions = RoleTable.EffectivePermissions([Roles.SystemAdmin], [Permissions.PiiReveal, Permissions.ProgrammeWrite]);

        Assert.True(permissions.SetEquals(RoleTable.Get(Roles.SystemAdmin).Permissions));
    }
}
