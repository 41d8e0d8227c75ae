using Sunshine.Api.FunctionalTests.Infrastructure;

[assembly: AssemblyFixture(typeof(SunshineApp))]
