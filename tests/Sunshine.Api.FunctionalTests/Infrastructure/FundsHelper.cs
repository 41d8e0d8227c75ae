using System.Net;
using System.Net.Http.Json;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>Fund allocations and payment bodies for tests that pay benefits.</summary>
public static class FundsHelper
{
    /// <summary>Records an allocation (county-level when a county is given, else the city's) and returns its id.</summary>
    public static async Task<Guid> AllocationAsync(HttpClient officer, Guid? countyId, decimal amount, string level = "")
    {
        var response = await officer.PostAsJsonAsync("/api/funds/allocations", new
        {
            year = 2026,
            level = level.Length > 0 ? level : countyId is null ? "City" : "County",
            countyId,
            amount,
            documentNumber = "测试文号-" + Guid.NewGuid().ToString("N")[..6],
            note = "测试",
        });
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static object Payment(string date, string voucher, params (Guid AllocationId, decimal Amount)[] parts) => new
    {
        paymentDate = date,
        voucher,
        parts = parts.Select(p => new { allocationId = p.AllocationId, amount = p.Amount }).ToArray(),
        payeeName = "收款人",
        payeeBank = "常德农村商业银行",
        payeeAccount = "6217 0000 1234 5678",
    };
}
