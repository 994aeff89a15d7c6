using PublicApiGenerator;

namespace Hosting.UnitTests;

public class PublicApiTests
{
    [Fact]
    public void ThePublicApiOfPodSuiteHostingIsTheReviewedOne() =>
        Snapshot.Match("Hosting/PodSuite.Hosting/api/PodSuite.Hosting.cs", typeof(PodResource).Assembly.GeneratePublicApi());
}
