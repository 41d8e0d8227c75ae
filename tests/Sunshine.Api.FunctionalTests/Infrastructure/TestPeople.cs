using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sunshine.Domain.Registry;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>Valid, unique, made-up ID numbers (address prefix 4399xx, never allocated) and person bodies.</summary>
public static class TestPeople
{
    private static int _sequence = Random.Shared.Next(0, 500_000);

    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1960, 1, 1).AddDays(n % 15_000);
        var first17 = $"4399{50 + (n / 15_000 % 49):00}{birth:yyyyMMdd}{n % 1000:000}";
        return first17 + ResidentIdNumber.CheckCharacterFor(first17);
    }

    public static Dictionary<string, object?> Body(Guid countyId, string? idNumber = null, string name = "测试人员")
    {
        var id = idNumber ?? NewIdNumber();
        return new Dictionary<string, object?>
        {
            ["name"] = name,
            ["idNumber"] = id,
            ["certificateNumber"] = id + "42",
            ["countyId"] = countyId,
            ["township"] = "城关镇",
            ["village"] = "太平村",
            ["registration"] = "Rural",
            ["phone"] = $"139{Random.Shared.Next(10_000_000, 99_999_999)}",
            ["tags"] = new[] { "UniversityStudent" },
        };
    }

    /// <summary>Registers a person through the API and returns the response body.</summary>
    public static async Task<JsonElement> CreateAsync(HttpClient client, Guid countyId, string? idNumber = null)
    {
        var response = await client.PostAsJsonAsync("/api/persons", Body(countyId, idNumber));
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }
}
