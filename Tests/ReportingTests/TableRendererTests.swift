import Foundation
import Testing
@testable import Reporting

/// CSV, Markdown and LaTeX renderings checked against the formats' own rules.
@Suite struct TableRendererTests {
    func awkwardTable() throws -> ResultTable {
        try ResultTable(
            title: "Cut flow, e+e- -> mu+mu- Z'",
            columns: ["Cut", ColumnHeader("Signal eff.", unit: "%"), ColumnHeader("Background", unit: "events")],
            rows: [
                [.text("p_T > 0.5, |cos θ| < 0.8"), .measured(95.25, 0.5), .number(120_345)],
                [.text("say \"hello\", then\nnew line"), .number(0.00001234, uncertainty: .asymmetric(plus: 2e-7, minus: 1e-7)), .empty],
                [.text("R&D 5% #1 ~x^2 {a} \\ end"), .value(1e7), .measured(3.0, 1.5)],
            ],
            caption: "Values for M = 3 GeV")
    }

    @Test func csvRoundTripsThroughAnIndependentRFC4180Reader() throws {
        let table = try awkwardTable()
        let csv = CSVRenderer.render(table)
        #expect(csv.hasSuffix("\r\n"))
        let records = parseRFC4180(csv)
        #expect(records.count == 4)
        #expect(records[0] == ["Cut", "Signal eff. [%]", "Signal eff. [%] error+", "Signal eff. [%] error-",
                               "Background [events]", "Background [events] error"])
        #expect(records[1][0] == "p_T > 0.5, |cos θ| < 0.8")
        #expect(records[2][0] == "say \"hello\", then\nnew line")
        #expect(records[3][0] == "R&D 5% #1 ~x^2 {a} \\ end")
        // Full precision numbers, uncertainty columns.
        #expect(Double(records[1][1]) == 95.25)
        #expect(Double(records[1][2]) == 0.5 && Double(records[1][3]) == 0.5)
        #expect(Double(records[2][1]) == 0.00001234)
        #expect(Double(records[2][2]) == 2e-7 && Double(records[2][3]) == 1e-7)
        #expect(records[2][4] == "" && records[2][5] == "")
        #expect(Double(records[1][4]) == 120_345)
        #expect(records.allSatisfy { $0.count == 6 })
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(CSVRenderer.field("plain") == "plain")
        #expect(CSVRenderer.field("a,b") == "\"a,b\"")
        #expect(CSVRenderer.field("a\"b") == "\"a\"\"b\"")
        #expect(CSVRenderer.field("a\r\nb") == "\"a\r\nb\"")
    }

    @Test func markdownTableHasOneRowPerRecordAndEscapedPipes() throws {
        let md = MarkdownTableRenderer.render(try awkwardTable())
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "**Cut flow, e+e- -> mu+mu- Z'**")
        let tableLines = lines.filter { $0.hasPrefix("|") }
        #expect(tableLines.count == 5)
        #expect(tableLines[1] == "| :--- | ---: | ---: |")
        // Unescaped pipes delimit exactly 3 cells in every table line.
        for line in tableLines {
            let unescaped = line.replacingOccurrences(of: "\\|", with: "")
            #expect(unescaped.filter { $0 == "|" }.count == 4, "\(line)")
        }
        #expect(md.contains("\\|cos θ\\|"))
        #expect(md.contains("new line") && md.contains("then<br>new line"))
        #expect(md.contains("95.25 ± 0.50"))
        #expect(md.contains("*Values for M = 3 GeV*"))
    }

    @Test func latexEscapesSpecialCharactersAndUsesBooktabs() throws {
        #expect(LaTeXTableRenderer.escape("eff_sig") == "eff\\_sig")
        #expect(LaTeXTableRenderer.escape("5%") == "5\\%")
        #expect(LaTeXTableRenderer.escape("R&D") == "R\\&D")
        #expect(LaTeXTableRenderer.escape("#$~^{}\\") == "\\#\\$\\textasciitilde{}\\textasciicircum{}\\{\\}\\textbackslash{}")
        let tex = LaTeXTableRenderer.render(try awkwardTable(), label: "tab:cutflow")
        #expect(tex.contains("\\begin{tabular}{lrr}"))
        for rule in ["\\toprule", "\\midrule", "\\bottomrule"] {
            #expect(tex.components(separatedBy: rule).count == 2, "exactly one \(rule)")
        }
        #expect(tex.contains("\\label{tab:cutflow}"))
        #expect(tex.contains("$95.25 \\pm 0.50$"))
        #expect(tex.contains("R\\&D 5\\% \\#1"))
        #expect(tex.contains("Signal eff. [\\%]"))
        #expect(!tex.contains("siunitx") && !tex.contains("\\SI{"))
        // Every body row has columns-1 unescaped ampersands.
        let body = tex.split(separator: "\n").filter { $0.hasSuffix("\\\\") }
        #expect(body.count == 4)
        for row in body {
            #expect(row.replacingOccurrences(of: "\\&", with: "").filter { $0 == "&" }.count == 2, "\(row)")
        }
    }

    static let pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex", "/Library/TeX/texbin/pdflatex"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: TableRendererTests.pdflatex != nil, "pdflatex not installed; LaTeX is checked textually only"))
    func latexCompilesWhenPdflatexIsAvailable() throws {
        let pdflatex = try #require(Self.pdflatex)
        let dir = try temporaryDirectory()
        let doc = "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{booktabs}\n\\begin{document}\n"
            + LaTeXTableRenderer.render(try awkwardTable()).replacingOccurrences(of: "θ", with: "theta")
            + "\\end{document}\n"
        try AtomicFile.write(doc, to: dir.appendingPathComponent("t.tex"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pdflatex)
        p.arguments = ["-interaction=nonstopmode", "-halt-on-error", "t.tex"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func numberFormattingRoundsToTheUncertainty() {
        func md(_ c: TableCell) -> String { MarkdownTableRenderer.cell(c) }
        #expect(md(.measured(123.456, 7.891)) == "123.5 ± 7.9")
        #expect(md(.measured(0.012345, 0.00056)) == "0.01234 ± 0.00056" || md(.measured(0.012345, 0.00056)) == "0.01235 ± 0.00056")
        #expect(md(.measured(1234.5, 250)) == "1234 ± 250" || md(.measured(1234.5, 250)) == "1235 ± 250")
        #expect(md(.number(42)) == "42")
        #expect(md(.value(3.14159265)) == "3.142")
        #expect(md(.value(0.5, format: .fixed(3))) == "0.500")
        #expect(md(.measured(1.5e-5, 2.5e-7)) == "(1.500 ± 0.025)×10<sup>-5</sup>")
        #expect(LaTeXTableRenderer.cell(.measured(1.5e-5, 2.5e-7)) == "$(1.500 \\pm 0.025) \\times 10^{-5}$")
        #expect(LaTeXTableRenderer.cell(.number(2.0, uncertainty: .asymmetric(plus: 0.3, minus: 0.2)))
                == "$2.00^{+0.30}_{-0.20}$")
        #expect(NumberFormatting.format(9.9996, .scientific(2)).plain == "1.00e+01")
    }

    @Test func raggedRowsAreRejectedWithTheTableName() {
        #expect(throws: ReportingError.self) {
            _ = try ResultTable(title: "Systematics", columns: ["a", "b"], rows: [[.text("x")]])
        }
        do {
            _ = try ResultTable(title: "Systematics", columns: ["a", "b"], rows: [[.text("x")]])
        } catch {
            #expect("\(error)".contains("Systematics"))
        }
    }

    @Test func tableWriterWritesAllThreeFormats() throws {
        let dir = try temporaryDirectory()
        let urls = try TableWriter.write(try awkwardTable(), to: dir, baseName: "cutflow")
        #expect(urls.map(\.lastPathComponent) == ["cutflow.csv", "cutflow.md", "cutflow.tex"])
        for u in urls { #expect(((try? Data(contentsOf: u))?.count ?? 0) > 0) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }
}
