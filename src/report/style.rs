//! The HTML circular's style sheet: official-document typography (a
//! 仿宋 body, 小标宋 titles, red masthead and rule) on A4 with page numbers,
//! landscape pages for the wide `--full` tables. Fonts named here are
//! tried in order; the Noto CJK families are the fallbacks found on most
//! Linux systems.

pub const STYLE: &str = r#"
:root { color-scheme: light; }
body {
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong",
    "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun",
    "Noto Sans CJK SC", "Source Han Sans SC", serif;
  margin: 2em auto; max-width: 52em; padding: 0 1em; color: #000;
  font-size: 11pt; line-height: 1.5;
}
html[lang="en"] body {
  font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif",
    "Noto Serif CJK SC", "Noto Sans CJK SC", serif;
}
.masthead, h2.title {
  font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "STZhongsong",
    "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Noto Sans CJK SC", serif;
}
.masthead { text-align: center; color: #c00; font-size: 26pt; font-weight: bold;
  letter-spacing: 0.15em; margin: 0 0 0.2em; }
p.issue { text-align: center; margin: 0; }
p.issuer-line { display: flex; justify-content: space-between; margin: 0.3em 0 0; }
hr.red-rule { border: 0; border-top: 2px solid #c00; margin: 0.2em 0 1em; }
h2.title { text-align: center; font-size: 17pt; font-weight: bold; margin: 0.6em 0; }
h3 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  font-size: 12pt; margin: 0.8em 0 0.25em; }
h4 { font-size: 12pt; margin: 0.8em 0 0.3em; }
p { margin: 0.25em 0; text-indent: 2em; }
html[lang="en"] p { text-indent: 0; }
p.issue, p.issuer-line, p.line, .signature p, .copy p { text-indent: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.3; margin: 0.3em 0; }
th, td { border: 1px solid #555; padding: 0.15em 0.35em; vertical-align: top; text-align: left; }
th { background: #eee; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.short { white-space: nowrap; }
td.phrase { min-width: 6.5em; }
.light { display: inline-block; text-align: center; border-radius: 0.3em;
  padding: 0 0.3em; font-weight: bold; white-space: nowrap; }
.light.red { background: #d32f2f; color: #fff; }
.light.yellow { background: #f9c80e; color: #000; }
.light.green { background: #2e7d32; color: #fff; }
.light.grey { background: #9e9e9e; color: #fff; }
.light.magenta { background: #8e24aa; color: #fff; }
.light.blue { background: #1565c0; color: #fff; }
tr.red td { background: #fdecea; }
tr.yellow td { background: #fff8e1; }
.pair { display: flex; gap: 1em; align-items: flex-start; }
.pair table { width: 50%; font-size: 8.5pt; line-height: 1.2; }
.pair td.phrase { min-width: 11em; }
.signature { text-align: right; margin: 1em 2em 0 0; }
.signature p { margin: 0; }
.copy { border-top: 1px solid #000; border-bottom: 1px solid #000; margin-top: 1em; padding: 0.2em 0; }
.copy p { margin: 0; }
@page { size: A4; margin: 20mm 20mm 18mm 22mm;
  @bottom-center { content: "— " counter(page) " —"; font-size: 11pt; } }
@page wide { size: A4 landscape; margin: 18mm 20mm; }
section.wide { page: wide; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h3, h4 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .signature, .copy { break-inside: avoid; }
}
"#;
