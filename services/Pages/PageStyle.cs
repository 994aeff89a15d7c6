namespace PodSuite.Pages;

/// <summary>
/// The style every demo page shares: readable on a phone, no script, no external file. One line, since log-writer's
/// page keeps all but its timestamp lines on its first line.
/// </summary>
public static class PageStyle
{
    public const string Css =
        "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b}" +
        "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}" +
        "code,pre{font:14px ui-monospace,monospace;background:#f4f4f4}pre{padding:.75rem;overflow-x:auto}" +
        "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}" +
        "ol li{margin:.25rem 0}.note{color:#555}";
}
