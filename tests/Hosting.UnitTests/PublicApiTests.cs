namespace Hosting.UnitTests;

public class PublicApiTests
{
    [Fact]
    public void ThePublicApiOfPodSuiteHostingIsTheReviewedOne() =>
        Snapshot.Match("Hosting/PodSuite.Hosting/api/PodSuite.Hosting.cs", PublicApi.Of(typeof(PodResource).Assembly));
}
