// The C# side of bench/ipc: the same loop as msgq.c, through PodSuite.Ipc's MessageQueue.
// usage: IpcBench send|recv KEY COUNT SIZE WARMUP
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using PodSuite.Ipc;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: IpcBench send|recv KEY COUNT SIZE WARMUP");
    return 64;
}

var key = int.Parse(args[1], CultureInfo.InvariantCulture);
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var size = int.Parse(args[3], CultureInfo.InvariantCulture);
var warmup = int.Parse(args[4], CultureInfo.InvariantCulture);
var queue = MessageQueue.Create(key);
Span<byte> message = stackalloc byte[size];
message.Clear();

if (args[0] == "send")
{
    for (var i = 0; i < count; i++)
    {
        BinaryPrimitives.WriteInt64LittleEndian(message, Stopwatch.GetTimestamp());
        queue.Send(1, message);
    }

    return 0;
}

var latency = new long[count];
Span<byte> buffer = stackalloc byte[MessageQueue.MaxMessageSize];
long start = 0;
for (var i = 0; i < count; i++)
{
    queue.Receive(buffer, out _);
    var now = Stopwatch.GetTimestamp();
    latency[i] = now - BinaryPrimitives.ReadInt64LittleEndian(buffer);
    if (i == warmup)
    {
        start = now;
    }
}

var elapsed = Stopwatch.GetElapsedTime(start);
queue.Remove();
var measured = latency.AsSpan(warmup);
measured.Sort();
double Microseconds(long ticks) => ticks * 1e6 / Stopwatch.Frequency;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rate={measured.Length / elapsed.TotalSeconds:0} p50_us={Microseconds(measured[measured.Length / 2]):0.0} p99_us={Microseconds(measured[measured.Length * 99 / 100]):0.0} p999_us={Microseconds(measured[measured.Length * 999 / 1000]):0.0}"));
return 0;
