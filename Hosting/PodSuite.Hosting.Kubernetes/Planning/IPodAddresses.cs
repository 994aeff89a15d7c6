namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>How a container of one pod addresses another pod: the one thing a runtime may do differently there.</summary>
internal interface IPodAddresses
{
    /// <summary>The host name and port at which another pod's Service port is reached.</summary>
    (string Host, int Port) AddressOf(ServicePortPlan service);
}
