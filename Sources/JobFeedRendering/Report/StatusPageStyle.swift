/// The status page's style sheet, inline so that the page is one file: system fonts, tables
/// that scroll sideways on a phone, and colours with at least 4.5:1 contrast on white.
enum StatusPageStyle {
    static let css = """
        :root { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, Segoe UI, Roboto, sans-serif; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1f5fad; }
        h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
        a { color: #1f5fad; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; min-width: 100%; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
        thead th { border-bottom: 2px solid #555; }
        #counts td, #counts thead th + th { text-align: right; font-variant-numeric: tabular-nums; }
        tr.soon { background: #fff4d6; }
        .flag { display: block; color: #8a4b00; font-size: .9rem; }
        tr.error strong { color: #b00020; }
        tr.warning strong { color: #8a4b00; }
        code { font-size: .9rem; overflow-wrap: anywhere; }
        figure { margin: 0; }
        figcaption { font-size: .9rem; color: #444; }
        svg { width: 100%; max-width: 40rem; height: auto; }
        svg text { font: 14px system-ui, sans-serif; fill: #1a1a1a; }
        .axis { stroke: #555; stroke-width: 1; }
        .series { fill: none; stroke: #1f5fad; stroke-width: 2.5; }
        .series-end { fill: #1f5fad; }
        .bar { fill: #1f5fad; }
        footer { margin-top: 2rem; font-size: .9rem; color: #444; }
        """
}
