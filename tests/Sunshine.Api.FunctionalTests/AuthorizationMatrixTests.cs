using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// The authorization matrix: every operation of the committed openapi.json against every kind of caller
/// (anonymous, each staff role, county officers of two counties, clients of two partner platforms), with
/// real credentials and real ids of seeded records. The expected answer is derived from the role table
/// (<see cref="RoleTable"/>), the permission each operation needs (<see cref="Required"/>) and the
/// general rules in <see cref="Expect"/>; the few exceptions are listed in <see cref="Overrides"/>, each
/// with its reason. Then the leak checks: county B's lists hold no county A record, partner B's none of
/// partner A's. See docs/reliability.md, "Authorization matrix".
/// </summary>
public sealed class AuthorizationMatrixTests(SunshineApp app)
{
    private const string SignedIn = "(signed in)";
    private const string Anonymous = "(anyone)";

    /// <summary>Operation id → the permission it needs (any of several, where a step decides which).</summary>
    private static readonly Dictionary<string, string> Required = new(StringComparer.Ordinal)
    {
        ["SignIn"] = Anonymous,
        ["SignInWithTwoFactor"] = Anonymous,
        ["SignOut"] = SignedIn,
        ["GetCurrentUser"] = SignedIn,
        ["ChangeOwnPassword"] = SignedIn,
        ["StartTwoFactorEnrolment"] = SignedIn,
        ["ConfirmTwoFactorEnrolment"] = SignedIn,
        ["GetAccounts"] = Permissions.AccountsRead,
        ["GetAccount"] = Permissions.AccountsRead,
        ["CreateAccount"] = Permissions.AccountsManage,
        ["DisableAccount"] = Permissions.AccountsManage,
        ["EnableAccount"] = Permissions.AccountsManage,
        ["UnlockAccount"] = Permissions.AccountsManage,
        ["ResetAccountPassword"] = Permissions.AccountsManage,
        ["SetAccountAccess"] = Permissions.AccessAssign,
        ["ResetAccountTwoFactor"] = Permissions.AccessAssign,
        ["GetRoles"] = Permissions.ReferenceRead,
        ["GetRegions"] = Permissions.ReferenceRead,
        ["GetRegion"] = Permissions.ReferenceRead,
        ["CreateRegion"] = Permissions.RegionsManage,
        ["UpdateRegion"] = Permissions.RegionsManage,
        ["GetProgrammes"] = Permissions.ReferenceRead,
        ["GetAuditEntries"] = Permissions.AuditRead,
        ["VerifyAuditChain"] = Permissions.AuditRead,
        ["GetPersons"] = Permissions.ProgrammeRead,
        ["GetPerson"] = Permissions.ProgrammeRead,
        ["CreatePerson"] = Permissions.ProgrammeWrite,
        ["UpdatePerson"] = Permissions.ProgrammeWrite,
        ["DeactivatePerson"] = Permissions.ProgrammeWrite,
        ["RevealPerson"] = Permissions.PiiReveal,
        ["RecordConsent"] = Permissions.ProgrammeWrite,
        ["WithdrawConsent"] = Permissions.ProgrammeWrite,
        ["GetHouseholds"] = Permissions.ProgrammeRead,
        ["GetHousehold"] = Permissions.ProgrammeRead,
        ["CreateHousehold"] = Permissions.ProgrammeWrite,
        ["UpdateHousehold"] = Permissions.ProgrammeWrite,
        ["AddHouseholdMember"] = Permissions.ProgrammeWrite,
        ["RemoveHouseholdMember"] = Permissions.ProgrammeWrite,
        ["ChangeHouseholdHead"] = Permissions.ProgrammeWrite,
        ["RecordHouseholdIncome"] = Permissions.ProgrammeWrite,
        ["GetPersonImportTemplate"] = Permissions.ProgrammeRead,
        ["StartPersonImport"] = Permissions.ProgrammeWrite,
        ["GetPersonImports"] = Permissions.ProgrammeRead,
        ["GetPersonImport"] = Permissions.ProgrammeRead,
        ["GetSalesImportTemplate"] = Permissions.ProgrammeRead,
        ["StartSalesImport"] = Permissions.ProgrammeWrite,
        ["GetSalesImports"] = Permissions.ProgrammeRead,
        ["GetSalesImport"] = Permissions.ProgrammeRead,
        ["GetPolicyVersions"] = Permissions.ReferenceRead,
        ["CreatePolicyVersion"] = Permissions.CityDecide,
        ["UpdatePolicyVersion"] = Permissions.CityDecide,
        ["GetTrainingQualifications"] = Permissions.ReferenceRead,
        ["GetCourses"] = Permissions.ProgrammeRead,
        ["GetCourse"] = Permissions.ProgrammeRead,
        ["CreateCourse"] = Permissions.ProgrammeWrite,
        ["UpdateCourse"] = Permissions.ProgrammeWrite,
        ["GetEnrolments"] = Permissions.ProgrammeRead,
        ["EnrolParticipant"] = Permissions.ProgrammeWrite,
        ["CompleteEnrolment"] = Permissions.ProgrammeWrite,
        ["DropEnrolment"] = Permissions.ProgrammeWrite,
        ["GetTrainedPeople"] = Permissions.ProgrammeRead,
        ["GetTrainingClaims"] = Permissions.ProgrammeRead,
        ["GetTrainingClaim"] = Permissions.ProgrammeRead,
        ["CreateTrainingClaim"] = Permissions.ProgrammeWrite,
        ["UpdateTrainingClaim"] = Permissions.ProgrammeWrite,
        ["AddClaimAttachment"] = Permissions.ProgrammeWrite,
        ["GetAttachmentContent"] = Permissions.ProgrammeRead,
        ["GetBenefits"] = Permissions.ProgrammeRead,
        ["SubmitBenefit"] = Permissions.ProgrammeWrite,
        ["ResubmitBenefit"] = Permissions.ProgrammeWrite,
        ["WithdrawBenefit"] = Permissions.ProgrammeWrite,
        ["ReturnBenefit"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["RejectBenefit"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["ReviewBenefit"] = Permissions.CountyDecide,
        ["ApproveBenefit"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["RecordObjection"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["ResolveObjection"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["GetAwardApplications"] = Permissions.ProgrammeRead,
        ["GetAwardApplication"] = Permissions.ProgrammeRead,
        ["CreateAwardApplication"] = Permissions.ProgrammeWrite,
        ["PreviewAwardDecision"] = Permissions.ProgrammeRead,
        ["GetAwardScreening"] = Permissions.ProgrammeRead,
        ["ExportAwardScreening"] = Permissions.ProgrammeRead,
        ["GetProsperityLeaders"] = Permissions.ProgrammeRead,
        ["GetIndicatorDefinitions"] = Permissions.ProgrammeRead,
        ["GetIndicators"] = Permissions.ProgrammeRead,
        ["ExportIndicators"] = Permissions.ProgrammeRead,
        ["GetMonthlyTrends"] = Permissions.ProgrammeRead,
        ["GetTargetProgress"] = Permissions.ProgrammeRead,
        ["GetProgrammeTargets"] = Permissions.ProgrammeRead,
        ["SetProgrammeTargets"] = Permissions.CityDecide,
        ["GetBulletins"] = Permissions.ProgrammeRead,
        ["IssueBulletin"] = Permissions.ProgrammeWrite,
        ["GetBulletin"] = Permissions.ProgrammeRead,
        ["ExportBulletin"] = Permissions.ProgrammeRead,
        ["GetAnnualSummaryRounds"] = Permissions.ProgrammeRead,
        ["CreateAnnualSummaryRound"] = Permissions.CityDecide,
        ["UpdateAnnualSummaryRound"] = Permissions.CityDecide,
        ["GetAnnualSummary"] = Permissions.ProgrammeRead,
        ["WriteAnnualSummary"] = Permissions.ProgrammeWrite,
        ["SubmitAnnualSummary"] = Permissions.ProgrammeWrite,
        ["ReturnAnnualSummary"] = Permissions.CityDecide,
        ["GetAnnualSummaryCompilation"] = Permissions.ProgrammeRead,
        ["ExportAnnualSummaryCompilation"] = Permissions.ProgrammeRead,
        ["GetMyNotifications"] = SignedIn,
        ["MarkNotificationRead"] = Permissions.ProgrammeWrite,
        ["GetFundAllocations"] = Permissions.ProgrammeRead,
        ["CreateFundAllocation"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["GetFundPayments"] = Permissions.ProgrammeRead,
        ["ReverseFundPayment"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["GetFundReconciliation"] = Permissions.ProgrammeRead,
        ["ExportPaymentRoster"] = Permissions.ProgrammeRead,
        ["PayBenefit"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["GetEnterprises"] = Permissions.ProgrammeRead,
        ["GetEnterprise"] = Permissions.ProgrammeRead,
        ["CreateEnterprise"] = Permissions.ProgrammeWrite,
        ["UpdateEnterprise"] = Permissions.ProgrammeWrite,
        ["GetPartnerClients"] = Permissions.ProgrammeRead,
        ["CreatePartnerClient"] = Permissions.PartnersManage,
        ["RotatePartnerClientSecret"] = Permissions.PartnersManage,
        ["RevokePartnerClient"] = Permissions.PartnersManage,
        ["GetShops"] = Permissions.ProgrammeRead,
        ["GetShop"] = Permissions.ProgrammeRead,
        ["CreateShop"] = Permissions.ProgrammeWrite,
        ["UpdateShop"] = Permissions.ProgrammeWrite,
        ["CloseShop"] = Permissions.ProgrammeWrite,
        ["GetShopSales"] = Permissions.ProgrammeRead,
        ["RecordSales"] = Permissions.ProgrammeWrite,
        ["ConfirmSales"] = Permissions.ProgrammeWrite,
        ["GetPendingSales"] = Permissions.ProgrammeRead,
        ["ConfirmSalesBatch"] = Permissions.ProgrammeWrite,
        ["GetProducts"] = Permissions.ProgrammeRead,
        ["CreateProduct"] = Permissions.ProgrammeWrite,
        ["UpdateProduct"] = Permissions.ProgrammeWrite,
        ["RemoveProduct"] = Permissions.ProgrammeWrite,
        ["RegisterPartnerShop"] = Permissions.PartnerShopsWrite,
        ["GetPartnerShops"] = Permissions.PartnerShopsWrite + "|" + Permissions.PartnerSalesWrite,
        ["UpdatePartnerShop"] = Permissions.PartnerShopsWrite,
        ["SubmitPartnerSales"] = Permissions.PartnerSalesWrite,
        ["GetPartnerSales"] = Permissions.PartnerSalesWrite,
        ["GetCatalogue"] = Permissions.PartnerCatalogRead,
        ["ReportPartnerEmployment"] = Permissions.PartnerEmploymentWrite,
        ["GetPartnerEmployment"] = Permissions.PartnerEmploymentWrite,
        ["EndPartnerEmployment"] = Permissions.PartnerEmploymentWrite,
        ["GetEnterpriseEvidence"] = Permissions.ProgrammeRead,
        ["GetBases"] = Permissions.ProgrammeRead,
        ["GetBase"] = Permissions.ProgrammeRead,
        ["CreateBase"] = Permissions.ProgrammeWrite,
        ["UpdateBase"] = Permissions.ProgrammeWrite,
        ["GetSupplyAgreements"] = Permissions.ProgrammeRead,
        ["GetSupplyAgreement"] = Permissions.ProgrammeRead,
        ["CreateSupplyAgreement"] = Permissions.ProgrammeWrite,
        ["UpdateSupplyAgreement"] = Permissions.ProgrammeWrite,
        ["TerminateSupplyAgreement"] = Permissions.ProgrammeWrite,
        ["GetEmploymentRecords"] = Permissions.ProgrammeRead,
        ["GetEmploymentRecord"] = Permissions.ProgrammeRead,
        ["CreateEmploymentRecord"] = Permissions.ProgrammeWrite,
        ["UpdateEmploymentRecord"] = Permissions.ProgrammeWrite,
        ["EndEmployment"] = Permissions.ProgrammeWrite,
        ["GetBenefitLinks"] = Permissions.ProgrammeRead,
        ["GetLinkedHouseholds"] = Permissions.ProgrammeRead,
        ["GetBenefitLink"] = Permissions.ProgrammeRead,
        ["CreateBenefitLink"] = Permissions.ProgrammeWrite,
        ["UpdateBenefitLink"] = Permissions.ProgrammeWrite,
        ["RecordBenefitLinkMonths"] = Permissions.ProgrammeWrite,
        ["EndBenefitLink"] = Permissions.ProgrammeWrite,
        ["GetLoans"] = Permissions.ProgrammeRead,
        ["GetLoan"] = Permissions.ProgrammeRead,
        ["CreateLoan"] = Permissions.ProgrammeWrite,
        ["RecordLoanRepayment"] = Permissions.ProgrammeWrite,
        ["GetInterestSubsidyClaims"] = Permissions.ProgrammeRead,
        ["GetInterestSubsidyClaim"] = Permissions.ProgrammeRead,
        ["CreateInterestSubsidyClaim"] = Permissions.ProgrammeWrite,
        ["GetIncubations"] = Permissions.ProgrammeRead,
        ["CreateIncubation"] = Permissions.ProgrammeWrite,
        ["EndIncubation"] = Permissions.ProgrammeWrite,
        ["GetMentoringContracts"] = Permissions.ProgrammeRead,
        ["CreateMentoringContract"] = Permissions.ProgrammeWrite,
        ["AddMentoringBeneficiary"] = Permissions.ProgrammeWrite,
        ["GetMentoringSessions"] = Permissions.ProgrammeRead,
        ["RecordMentoringSession"] = Permissions.ProgrammeWrite,
        ["GetOutlets"] = Permissions.ProgrammeRead,
        ["GetOutlet"] = Permissions.ProgrammeRead,
        ["CreateOutlet"] = Permissions.ProgrammeWrite,
        ["AddOutletParticipant"] = Permissions.ProgrammeWrite,
        ["GetExhibitions"] = Permissions.ProgrammeRead,
        ["GetExhibition"] = Permissions.ProgrammeRead,
        ["CreateExhibition"] = Permissions.ProgrammeWrite,
        ["AddExhibitionParticipant"] = Permissions.ProgrammeWrite,
        ["RecordExhibitionResults"] = Permissions.ProgrammeWrite,
        ["GetOperationServices"] = Permissions.ProgrammeRead,
        ["GetOperationService"] = Permissions.ProgrammeRead,
        ["CreateOperationService"] = Permissions.ProgrammeWrite,
        ["UpdateOperationService"] = Permissions.ProgrammeWrite,
        ["GetSupervisionVisits"] = Permissions.ProgrammeRead,
        ["GetSupervisionVisit"] = Permissions.ProgrammeRead,
        ["CreateSupervisionVisit"] = Permissions.ProgrammeWrite,
        ["UpdateSupervisionVisit"] = Permissions.ProgrammeWrite,
        ["AddRectification"] = Permissions.ProgrammeWrite,
        ["CloseRectification"] = Permissions.ProgrammeWrite,
        ["GetServiceStations"] = Permissions.ProgrammeRead,
        ["GetServiceStation"] = Permissions.ProgrammeRead,
        ["CreateServiceStation"] = Permissions.ProgrammeWrite,
        ["UpdateServiceStation"] = Permissions.ProgrammeWrite,
        ["AddStationRecruit"] = Permissions.ProgrammeWrite,
        ["GetWorkPlanRounds"] = Permissions.ProgrammeRead,
        ["GetWorkPlanRound"] = Permissions.ProgrammeRead,
        ["CreateWorkPlanRound"] = Permissions.CityDecide,
        ["UpdateWorkPlanRound"] = Permissions.CityDecide,
        ["GetWorkPlanFiling"] = Permissions.ProgrammeRead,
        ["UploadWorkPlanDocument"] = Permissions.ProgrammeWrite,
        ["DownloadWorkPlanDocument"] = Permissions.ProgrammeRead,
        ["SubmitWorkPlan"] = Permissions.CountyDecide,
        ["FileWorkPlan"] = Permissions.CityDecide,
        ["ReturnWorkPlan"] = Permissions.CityDecide,
        ["GetTypicalCases"] = Permissions.ProgrammeRead,
        ["GetPublishedTypicalCases"] = Permissions.ProgrammeRead,
        ["GetTypicalCase"] = Permissions.ProgrammeRead,
        ["CreateTypicalCase"] = Permissions.ProgrammeWrite,
        ["UpdateTypicalCase"] = Permissions.ProgrammeWrite,
        ["DeleteTypicalCase"] = Permissions.ProgrammeWrite,
        ["NominateTypicalCase"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["WithdrawTypicalCaseNomination"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["PublishTypicalCase"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
        ["UnpublishTypicalCase"] = Permissions.CountyDecide + "|" + Permissions.CityDecide,
    };


    /// <summary>
    /// Where the general rules do not give the answer, and why. Keyed by operation and principal name;
    /// every entry must change the derived answer (a test checks), so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<(string Operation, string Principal), (Outcome Outcome, string Why)> Overrides = new()
    {
        [("ResubmitBenefit", Roles.CityOfficer)] = (Outcome.Forbidden,
            "maker-checker: only the submitter re-submits a benefit (403 benefit.not_submitter); the county A officer submitted the seeded claim (SubmitBenefit comes first)"),
        [("ApproveBenefit", Roles.CityOfficer)] = (Outcome.Forbidden,
            "the permission is checked per step: the seeded claim is a county-level benefit, whose approval needs decisions.county, which a city officer lacks"),
    };

    private enum Outcome
    {
        /// <summary>Past authorization and scope: anything but 401, 403 and 404 (and never 5xx).</summary>
        Allowed,

        /// <summary>401: not signed in.</summary>
        Unauthenticated,

        /// <summary>403: signed in, not allowed.</summary>
        Forbidden,

        /// <summary>404: outside the caller's scope (a write with an invalid body may be refused by validation first: 400).</summary>
        Hidden,
    }

    /// <summary>
    /// The general rules, in order: anonymous operations are open to all; anonymous callers get 401;
    /// partner clients get 403 outside <c>/api/partner</c> and staff 403 on it; operations for the
    /// signed-in caller's own session are open to every staff account; otherwise the caller needs one of
    /// the operation's permissions (403); an auditor never changes anything except revealing with
    /// <c>pii.reveal</c> (403); a county B officer is told 404 for county A's records, partner B for
    /// partner A's, and anyone but its recipient for a notification.
    /// </summary>
    private static Outcome Expect(Operation operation, Principal principal)
    {
        var required = Required[operation.Id];
        if (required == Anonymous)
        {
            return Outcome.Allowed;
        }

        if (principal.Role is null)
        {
            return Outcome.Unauthenticated;
        }

        var partnerPath = operation.Path.StartsWith("/api/partner/", StringComparison.Ordinal);
        if (principal.IsPartner != partnerPath)
        {
            return Outcome.Forbidden;
        }

        if (required != SignedIn)
        {
            var permissions = required.Split('|');
            if (!permissions.Any(principal.Permissions.Contains))
            {
                return Outcome.Forbidden;
            }

            if (principal.Role == Roles.Auditor && operation.Method != "GET" && !permissions.Contains(Permissions.PiiReveal))
            {
                return Outcome.Forbidden;
            }
        }

        return (principal.CountyB && operation.Owners.Contains(RecordOwner.CountyA))
            || (principal.PartnerB && operation.Owners.Contains(RecordOwner.PartnerA))
            || (principal.Name != CountyAOfficer && operation.Owners.Contains(RecordOwner.RecipientCountyA))
            ? Outcome.Hidden
            : Outcome.Allowed;
    }

    private const string CountyAOfficer = "county A officer";

    /// <summary>Whether the rules let the principal past authorization and scope for the operation (the fuzzer calls as these).</summary>
    internal static bool MayCall(Operation operation, Principal principal) =>
        Expect(operation, principal) == Outcome.Allowed && !Overrides.ContainsKey((operation.Id, principal.Name));

    [Fact]
    public void The_policy_table_names_exactly_the_operations_of_the_committed_openapi_json()
    {
        var operations = CommittedOperations().Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

        var missing = operations.Except(Required.Keys).Order().ToList();
        var stale = Required.Keys.Except(operations).Order().ToList();
        Assert.True(missing.Count == 0, "Operations without a policy entry: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Policy entries without an operation: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_override_names_a_real_operation_and_principal_and_changes_the_derived_answer()
    {
        var operations = CommittedOperations().ToDictionary(o => o.Id);
        foreach (var ((id, name), (outcome, why)) in Overrides)
        {
            Assert.True(operations.ContainsKey(id), id);
            Assert.Contains(name, PrincipalNames);
            Assert.False(string.IsNullOrWhiteSpace(why));
            var principal = new Principal(name, RoleOf(name), new HttpClient(), CountyB: name == "county B officer", PartnerB: name == "partner B",
                Grants: name.StartsWith(Roles.Auditor, StringComparison.Ordinal) ? [Permissions.PiiReveal] : null);
            Assert.NotEqual(outcome, Expect(operations[id] with { Owners = OwnersOf(operations[id]) }, principal));
        }
    }

    [Fact]
    public async Task Every_operation_answers_every_principal_as_the_role_rules_say_and_nothing_leaks_across_counties_or_partners()
    {
        var clock = Stopwatch.StartNew();
        var world = await MatrixWorld.SeedAsync(app);
        var seeding = clock.Elapsed;
        var operations = CommittedOperations()
            .Select(o => o with { Owners = OwnersOf(o, world) })
            .OrderBy(o => o.Id == "SignOut") // signing out ends the session the rest of the calls use
            .ToList();
        var failures = new List<string>();
        await OwnListsAreNotEmptyAsync(world, failures);

        // Resources side by side; the operations on one resource, and the principals of one operation, in a fixed order,
        // so every call meets the same state on every run. Signing out comes last, as it ends the sessions.
        var calls = new System.Collections.Concurrent.ConcurrentBag<Call>();
        await Parallel.ForEachAsync(
            operations.Where(o => o.Id != "SignOut").GroupBy(o => o.Path.Contains('{', StringComparison.Ordinal) ? o.Path[..o.Path.IndexOf('{', StringComparison.Ordinal)] : o.Path),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (resource, _) =>
            {
                foreach (var operation in resource)
                {
                    await CallAsync(operation, world, calls);
                }
            });
        await CallAsync(operations.Single(o => o.Id == "SignOut"), world, calls);

        var counts = calls.GroupBy(c => c.Expected).ToDictionary(g => g.Key, g => g.Count());
        var scopeChecks = calls.Count(c => c.Expected == Outcome.Hidden);
        var listChecks = calls.Count(c => c.ListChecked);
        var leaks = calls.Count(c => c.Leak);
        failures.AddRange(calls.Where(c => c.Failure is not null).Select(c => c.Failure!).Order(StringComparer.Ordinal));
        var elapsed = clock.Elapsed;
        var report = Report(operations.Count, world.Principals.Count, counts, scopeChecks, listChecks, leaks, failures.Count, seeding, elapsed);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "reliability-matrix.md"), report, TestContext.Current.CancellationToken);
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the role rules:\n" + string.Join('\n', failures));
    }

    /// <summary>Calls one operation as every principal in turn and records what each answered against what the rules expect.</summary>
    private static async Task CallAsync(Operation operation, MatrixWorld world, System.Collections.Concurrent.ConcurrentBag<Call> calls)
    {
        foreach (var principal in world.Principals)
        {
            var expected = Overrides.TryGetValue((operation.Id, principal.Name), out var over) ? over.Outcome : Expect(operation, principal);
            using var response = await SendAsync(principal.Client, operation, world);
            var body = await response.Content.ReadAsStringAsync();
            string? failure = Matches(expected, operation, response, body)
                ? null
                : $"{principal.Name}: {operation.Method} {operation.Path} ({operation.Id}, needs {Required[operation.Id]}) expected {expected}, " +
                  $"answered {(int)response.StatusCode} {Truncate(body)}";
            var leak = failure is not null && expected == Outcome.Hidden;

            // Lists of the county B officer and of partner B: none of A's ids in the body.
            var listChecked = expected == Outcome.Allowed && operation.Method == "GET" && !operation.Path.Contains('{', StringComparison.Ordinal)
                && (principal.CountyB || principal.PartnerB) && response.IsSuccessStatusCode
                && response.Content.Headers.ContentType?.MediaType == "application/json";
            if (listChecked)
            {
                var foreign = (principal.CountyB ? world.CountyAIds : world.PartnerAIds).Where(id => body.Contains(id, StringComparison.OrdinalIgnoreCase)).ToList();
                if (foreign.Count > 0)
                {
                    leak = true;
                    failure = $"{principal.Name}: {operation.Id} lists records of {(principal.CountyB ? "county A" : "partner A")}: {string.Join(", ", foreign)}";
                }
            }

            calls.Add(new Call(expected, listChecked, leak, failure));
        }
    }

    private sealed record Call(Outcome Expected, bool ListChecked, bool Leak, string? Failure);

    /// <summary>The leak checks cannot pass on empty lists: county B and partner B see their own records.</summary>
    private static async Task OwnListsAreNotEmptyAsync(MatrixWorld world, List<string> failures)
    {
        var countyB = world.Principals.Single(p => p.CountyB).Client;
        var partnerB = world.Principals.Single(p => p.PartnerB).Client;
        if (!(await countyB.GetStringAsync("/api/persons?pageSize=100")).Contains(world.CountyBPerson, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("county B officer does not see county B's own person: the list leak check would prove nothing");
        }

        if (!(await partnerB.GetStringAsync("/api/partner/v1/shops?pageSize=100")).Contains(world.PartnerBShop, StringComparison.Ordinal))
        {
            failures.Add("partner B does not see its own shop: the list leak check would prove nothing");
        }
    }

    private static bool Matches(Outcome expected, Operation operation, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        return expected switch
        {
            Outcome.Unauthenticated => status == 401,
            Outcome.Forbidden => status == 403,
            Outcome.Hidden => status == 404
                || (status == 400 && operation.HasBody && body.Contains("\"validation.failed\"", StringComparison.Ordinal)),
            _ => status is not (401 or 403) and < 500 && (status != 404 || operation.Owners.Contains(RecordOwner.Unseeded)),
        };
    }

    private static string Report(
        int operations, int principals, Dictionary<Outcome, int> counts, int scopeChecks, int listChecks, int leaks, int failures, TimeSpan seeding, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("## Authorization matrix");
        text.AppendLine();
        text.AppendLine("`AuthorizationMatrixTests` calls every operation of the committed `openapi.json` as each of "
            + string.Join(", ", PrincipalNames) + " — with real sessions, client-credentials tokens and the ids of records seeded through the API "
            + "in two counties and for two partner platforms. The expected answer is derived from the role table and the permission each "
            + "operation needs, plus the general rules (anonymous → 401; partner tokens outside `/api/partner` → 403 and staff on it → 403; "
            + "an auditor changes nothing but may reveal with `pii.reveal`; another county's or platform's record → 404); an operation "
            + "missing from the policy table, or a table entry without an operation, fails the test.");
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(c, $"| operations × principals | {operations} × {principals} = {operations * principals} calls |");
        text.AppendLine(c, $"| expected allowed / 401 / 403 / 404 | {counts.GetValueOrDefault(Outcome.Allowed)} / {counts.GetValueOrDefault(Outcome.Unauthenticated)} / {counts.GetValueOrDefault(Outcome.Forbidden)} / {counts.GetValueOrDefault(Outcome.Hidden)} |");
        text.AppendLine(c, $"| scope checks (county B on county A's ids, partner B on partner A's, others' notifications) | {scopeChecks} |");
        text.AppendLine(c, $"| list bodies searched for the other county's or platform's ids | {listChecks} |");
        text.AppendLine(c, $"| leaks found | {leaks} |");
        text.AppendLine(c, $"| answers differing from the rules | {failures} |");
        text.AppendLine(c, $"| time (seeding + calls) | {elapsed.TotalSeconds:0.0} s (seeding {seeding.TotalSeconds:0.0} s) |");
        text.AppendLine();
        text.AppendLine(c, $"Overrides ({Overrides.Count}), each with its reason in the test:");
        text.AppendLine();
        foreach (var ((operation, principal), (outcome, why)) in Overrides.OrderBy(o => o.Key.Operation, StringComparer.Ordinal))
        {
            text.AppendLine(c, $"- `{operation}` as {principal} → {outcome}: {why}");
        }

        if (Overrides.Count == 0)
        {
            text.AppendLine("- none");
        }

        return text.ToString();
    }

    private static readonly string[] PrincipalNames =
    [
        "anonymous", "partner B", "partner A", Roles.SystemAdmin, Roles.SecurityAdmin, Roles.Auditor + " (with pii.reveal)", "county B officer",
        CountyAOfficer, Roles.CityOfficer,
    ];

    private static string? RoleOf(string principal) => principal switch
    {
        "anonymous" => null,
        "partner A" or "partner B" => Roles.PartnerPlatform,
        "county A officer" or "county B officer" => Roles.CountyOfficer,
        _ when principal.StartsWith(Roles.Auditor, StringComparison.Ordinal) => Roles.Auditor,
        _ => principal,
    };

    /// <summary>The operations of the committed contract (path, method, operationId, request body kind).</summary>
    internal static List<Operation> CommittedOperations()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "openapi.json")))!;
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => new Operation(
                (string)m.Value!["operationId"]!,
                m.Key.ToUpperInvariant(),
                p.Key,
                m.Value["requestBody"]?["content"]?["multipart/form-data"] is not null,
                m.Value["requestBody"] is not null,
                m.Value["parameters"]?.AsArray().Any(a => (string?)a!["name"] == "pageSize") == true)))
            .ToList();
    }

    /// <summary>Whose records the operation's path and query name, from the ids the world seeded (or would seed, for the override check).</summary>
    private static HashSet<RecordOwner> OwnersOf(Operation operation, MatrixWorld? world = null)
    {
        var owners = new HashSet<RecordOwner>();
        foreach (var key in IdKeys(operation))
        {
            owners.Add(world?.Ids[key].Owner ?? OwnerWhenSeeded(key));
        }

        return owners;
    }

    /// <summary>The seeded-id keys an operation uses: the path before <c>{id}</c>, other path parameters, and ids in the query.</summary>
    private static IEnumerable<string> IdKeys(Operation operation)
    {
        var path = operation.Path;
        var id = path.IndexOf("{id}", StringComparison.Ordinal);
        if (id >= 0)
        {
            yield return path[..id];
        }

        foreach (var parameter in (string[])["{memberId}", "{objectionId}", "{roundId}", "{countyId}", "{enrolmentId}", "{salesId}", "{platformShopId}"])
        {
            if (path.Contains(parameter, StringComparison.Ordinal))
            {
                yield return parameter;
            }
        }

        foreach (var query in QueryIds(operation.Id))
        {
            yield return query;
        }
    }

    private static IEnumerable<string> QueryIds(string operationId) => operationId switch
    {
        "PreviewAwardDecision" => ["beneficiaryId"],
        "GetProgrammeTargets" => ["programmeId"],
        "GetPartnerSales" => ["platformShopId"],
        _ => [],
    };

    /// <summary>The owner of each kind of seeded id, for checking overrides without seeding.</summary>
    private static RecordOwner OwnerWhenSeeded(string key) => key switch
    {
        "/api/partner-clients/" or "/api/enterprises/" or "/api/regions/" or "/api/policies/" or "/api/accounts/" or "{roundId}" or "programmeId" => RecordOwner.Shared,
        "{platformShopId}" or "platformShopId" or "/api/partner/v1/employment/" => RecordOwner.PartnerA,
        "/api/notifications/" => RecordOwner.RecipientCountyA,
        "{objectionId}" => RecordOwner.Unseeded,
        _ => RecordOwner.CountyA,
    };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Operation operation, MatrixWorld world) =>
        client.SendAsync(RequestFor(operation, key => world.Ids[key].Value));

    /// <summary>The permissions an operation needs (any one of them); none for the anonymous and own-session ones.</summary>
    internal static string[] PermissionsOf(string operationId) =>
        Required[operationId] is SignedIn or Anonymous ? [] : Required[operationId].Split('|');

    /// <summary>A request for the operation, its ids filled in by <paramref name="idOf"/> (given a key of <see cref="IdKeys"/>).</summary>
    internal static HttpRequestMessage RequestFor(Operation operation, Func<string, string> idOf)
    {
        var path = operation.Path;
        foreach (var key in IdKeys(operation).Where(k => !QueryIds(operation.Id).Contains(k)))
        {
            path = key.StartsWith('{')
                ? path.Replace(key, idOf(key), StringComparison.Ordinal)
                : path.Replace(key + "{id}", key + idOf(key), StringComparison.Ordinal);
        }

        path = path.Replace("{scope}", "Publication", StringComparison.Ordinal).Replace("{year}", "2019", StringComparison.Ordinal);
        var query = operation.Id switch
        {
            "GetTrainedPeople" => "from=2019-01-01&to=2019-12-31",
            "GetTrainingQualifications" => "on=2019-06-01",
            "PreviewAwardDecision" => $"type=DemonstrationHouseholdAward&beneficiaryId={idOf("beneficiaryId")}",
            "GetAwardScreening" or "ExportAwardScreening" => "type=DemonstrationHouseholdAward",
            "ExportPaymentRoster" => "from=2019-07-01&to=2019-07-31",
            "GetIndicators" => "period=Year&year=2019",
            "GetMonthlyTrends" => "year=2019",
            "GetProgrammeTargets" => $"programmeId={idOf("programmeId")}",
            "ExportBulletin" => "format=Xlsx",
            "ExportIndicators" => "period=Year&year=2019&format=Xlsx",
            "AddClaimAttachment" => "kind=Receipt",
            "GetPartnerSales" => $"platformShopId={Uri.EscapeDataString(idOf("platformShopId"))}",
            _ => operation.Pages ? "pageSize=100" : string.Empty,
        };
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Length == 0 ? path : path + "?" + query);
        if (operation.IsUpload)
        {
            // A well-formed upload, so binding succeeds and authorization decides.
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("姓名\n"u8.ToArray()), "file", "matrix.csv" } };
        }
        else if (operation.HasBody)
        {
            // Any body will do where authorization or scope answers first; a valid one where the scope lookup comes after validation.
            request.Content = JsonContent.Create(operation.Id switch
            {
                "EndPartnerEmployment" => new JsonObject { ["lastDay"] = "2025-12-31" },
                "AddMentoringBeneficiary" => new JsonObject { ["personId"] = idOf("/api/persons/") },
                "CreatePolicyVersion" => new JsonObject { ["programmeId"] = idOf("programmeId") },
                _ => new JsonObject(),
            });
        }

        if (operation.Method != "GET")
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return request;
    }

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";

    internal sealed record Operation(string Id, string Method, string Path, bool IsUpload, bool HasBody, bool Pages)
    {
        public IReadOnlySet<RecordOwner> Owners { get; init; } = new HashSet<RecordOwner>();
    }
}
