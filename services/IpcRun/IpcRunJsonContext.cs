using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodSuite.IpcRun;

/// <summary>The reports' JSON, generated at build time (the members are Native AOT).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IpcRunReport))]
[JsonSerializable(typeof(IReadOnlyList<IpcRunReport>))]
public sealed partial class IpcRunJsonContext : JsonSerializerContext;
