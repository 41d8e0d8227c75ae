using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

/// <summary>
/// Every operation of the API against every role of the role table: a role without the operation's
/// permission gets 403, a role with it gets past authorization. New operations must be added here.
/// </summary>
public sealed class AuthorizationMatrixTests(SunshineApp app)
{
    private const string SignedIn = "(signed in)";
    private const string Anonymous = "(anyone)";

    /// <summary>Operation id → the permission it needs (any of several, where a step decides which).</summary>
    private static readonly Dictionary<string, string> Required = new(StringComparer.Ordinal)
    {
        ["SignIn"] = Anonymous,
        ["SignOut"] = SignedIn,
        ["GetCurrentUser"] = SignedIn,
        ["ChangeOwnPassword"] = SignedIn,
        ["GetAccounts"] = Permissions.AccountsRead,
        ["GetAccount"] = Permissions.AccountsRead,
        ["CreateAccount"] = Permissions.AccountsManage,
        ["DisableAccount"] = Permissions.AccountsManage,
        ["EnableAccount"] = Permissions.AccountsManage,
        ["UnlockAccount"] = Permissions.AccountsManage,
        ["ResetAccountPassword"] = Permissions.AccountsManage,
        ["SetAccountAccess"] = Permissions.AccessAssign,
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

    public static TheoryData<string> AllRoles => new(Roles.ForAccounts);

    [Fact]
    public async Task The_matrix_covers_every_operation_of_the_api()
    {
        var operations = (await OperationsAsync()).Select(o => o.Id).ToHashSet();

        Assert.Equal(Required.Keys.Order(), operations.Order());
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_reaches_exactly_the_operations_its_permissions_allow(string role)
    {
        Guid? county = RoleTable.Get(role).CountyBound ? await app.RegionIdAsync("430725") : null;
        var (client, _) = await app.SignInAsNewAsync(role, county);
        var permissions = RoleTable.Get(role).Permissions;
        var failures = new List<string>();

        foreach (var operation in await OperationsAsync())
        {
            if (operation.Id is "SignOut" or "SignIn")
            {
                continue;
            }

            var response = await SendAsync(client, operation);
            var forbidden = response.StatusCode == HttpStatusCode.Forbidden
                && (await response.Content.ReadAsStringAsync()).Contains("auth.permission_required", StringComparison.Ordinal);
            var required = Required[operation.Id];
            var allowed = required == SignedIn || required.Split('|').Any(permissions.Contains);
            if (forbidden == allowed)
            {
                failures.Add($"{operation.Method} {operation.Path} ({operation.Id}, needs {required}) answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, $"{role}:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task An_auditor_is_refused_every_post_put_patch_and_delete_except_their_own_session()
    {
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);

        foreach (var operation in (await OperationsAsync()).Where(o => o.Method is "POST" or "PUT" or "PATCH" or "DELETE"))
        {
            if (Required[operation.Id] is SignedIn or Anonymous)
            {
                continue;
            }

            var response = await SendAsync(auditor, operation);
            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{operation.Method} {operation.Path} answered {(int)response.StatusCode}");
        }
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => new Operation(
                (string)m.Value!["operationId"]!,
                m.Key.ToUpperInvariant(),
                p.Key,
                m.Value["requestBody"]?["content"]?["multipart/form-data"] is not null)))
            .ToList();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Operation operation)
    {
        var path = operation.Path
            .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{memberId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{objectionId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{roundId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{countyId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{scope}", "Publication", StringComparison.Ordinal)
            .Replace("{year}", "2019", StringComparison.Ordinal)
            .Replace("{enrolmentId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{salesId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{platformShopId}", "matrix-shop", StringComparison.Ordinal);
        path += operation.Id switch
        {
            "GetTrainedPeople" => "?from=2019-01-01&to=2019-12-31",
            "GetTrainingQualifications" => "?on=2019-06-01",
            "PreviewAwardDecision" => $"?type=DemonstrationHouseholdAward&beneficiaryId={Guid.NewGuid()}",
            "GetAwardScreening" or "ExportAwardScreening" => "?type=DemonstrationHouseholdAward",
            "ExportPaymentRoster" => "?from=2026-01-01&to=2026-01-31",
            "GetIndicators" => "?period=Year&year=2019",
            "GetMonthlyTrends" => "?year=2019",
            "GetProgrammeTargets" => $"?programmeId={Guid.NewGuid()}",
            "ExportBulletin" => "?format=Xlsx",
            "ExportIndicators" => "?period=Year&year=2019&format=Xlsx",
            "AddClaimAttachment" => "?kind=Receipt",
            "GetPartnerSales" => "?platformShopId=matrix-shop",
            _ => string.Empty,
        };
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.IsUpload)
        {
            // A well-formed upload (an empty file of the template's header), so binding succeeds and authorization decides.
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent("姓名\n"u8.ToArray()), "file", "matrix.csv");
            request.Content = form;
        }
        else if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new JsonObject());
        }

        return client.SendAsync(request);
    }

    private sealed record Operation(string Id, string Method, string Path, bool IsUpload);
}
