using PodSuite.Hosting.Kubernetes.Validation;

namespace Hosting.Kubernetes.Tests;

/// <summary>Each of Kubernetes' name and value rules at its limit and one past it, and what its pattern refuses.</summary>
public class KubernetesRulesTests
{
    public static TheoryData<string, int, char> Limits => new()
    {
        { nameof(KubernetesRules.Dns1123Label), 63, 'a' },
        { nameof(KubernetesRules.Dns1123Subdomain), 253, 'a' },
        { nameof(KubernetesRules.Dns1035Label), 63, 'a' },
        { nameof(KubernetesRules.PortName), 15, 'a' },
        { nameof(KubernetesRules.ConfigMapKey), 253, 'a' },
        { nameof(KubernetesRules.LabelValue), 63, 'A' },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void ARuleAllowsItsLongestValueAndNotOneCharacterMore(string rule, int limit, char character)
    {
        var kubernetesRule = Rule(rule);

        Assert.Equal(limit, kubernetesRule.MaxLength);
        Assert.True(kubernetesRule.Allows(new string(character, limit)));
        Assert.False(kubernetesRule.Allows(new string(character, limit + 1)));
        Assert.EndsWith($"; it has {limit + 1}.", kubernetesRule.Check(new string(character, limit + 1), "the name"));
    }

    [Theory]
    [InlineData(nameof(KubernetesRules.Dns1123Label), "web-1", "Web", "web_1", "-web", "web-", "a.b", "web\n", "")]
    [InlineData(nameof(KubernetesRules.Dns1123Subdomain), "web.example-1", "Web", "web..example", "web_1", ".web", "web.\n")]
    [InlineData(nameof(KubernetesRules.Dns1035Label), "web-1", "1web", "Web", "web-", "web\n")]
    [InlineData(nameof(KubernetesRules.PortName), "http-2", "8080", "h--2", "HTTP", "-http", "http\n")]
    [InlineData(nameof(KubernetesRules.EnvironmentVariableName), "my.env-name", "1VAR", "MY VAR", "A=B", ".", "..", "..A", "VAR\n")]
    [InlineData(nameof(KubernetesRules.ConfigMapKey), "proxy-routes.json", "routes/json", "my routes.json", ".", "..", "..json", "a\n")]
    [InlineData(nameof(KubernetesRules.LabelValue), "PodSuite_1.0", "-podsuite", "podsuite.", "pod suite", "x\n")]
    public void ARuleAllowsWhatKubernetesAllowsAndRefusesTheRest(string rule, string allowed, params string[] refused)
    {
        var kubernetesRule = Rule(rule);

        Assert.Null(kubernetesRule.Check(allowed, "the value"));
        Assert.All(refused, value => Assert.StartsWith($"the value breaks Kubernetes' rule for {kubernetesRule.Name}", kubernetesRule.Check(value, "the value")));
    }

    [Fact]
    public void AnEmptyLabelValueIsAllowedAndAnEmptyNameIsNot()
    {
        Assert.True(KubernetesRules.LabelValue.Allows(""));
        Assert.False(KubernetesRules.Dns1123Label.Allows(""));
    }

    private static KubernetesRule Rule(string name) =>
        (KubernetesRule)typeof(KubernetesRules).GetField(name)!.GetValue(null)!;
}
