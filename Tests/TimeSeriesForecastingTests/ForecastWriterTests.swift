import Foundation
import Testing
@testable import TimeSeriesForecasting

struct ForecastWriterTests {
    @Test func csvIsLongAndTidy() throws {
        let raw = [
            SeriesForecaster.RawSeries(name: "a,b", x: [1, 2, 3], y: [1, 2, 4]),
            SeriesForecaster.RawSeries(name: "short", x: [1], y: [1])
        ]
        let run = SeriesForecaster(choice: .single(NaiveModel()), horizon: 2, calibrate: false).run(
            raw: raw)
        let text = String(decoding: ForecastWriter(levels: [0.8, 0.95]).csv(run), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "group,x,model,point,lo_80,hi_80,lo_95,hi_95,note")
        #expect(lines[1].hasPrefix("\"a,b\",4,naive,4,"))
        #expect(lines[2].hasPrefix("\"a,b\",5,naive,4,"))
        #expect(lines[3].hasPrefix("short,,,,,,,,naive: needs at least 2"))
        // σ̂ = √((1 + 4)/2): the 80 % bounds at h = 1 are 4 ∓ 1.2815515655446004·√2.5.
        let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(abs(Double(fields[5])! - (4 - 1.2815515655446004 * 2.5.squareRoot())) < 1e-9)
    }

    @Test func jsonAndTableSayWhichModel() throws {
        let raw = [SeriesForecaster.RawSeries(name: "s", x: [1, 2, 3, 4], y: [1, 2, 4, 5])]
        let run = SeriesForecaster(choice: .single(DriftModel()), horizon: 1).run(raw: raw)
        let writer = ForecastWriter(levels: [0.9])
        #expect(writer.table(run).contains("s: drift"))
        let json = String(decoding: try writer.json(run), as: UTF8.self)
        #expect(json.contains("\"model\" : \"drift\"") && json.contains("\"level_pct\" : 90"))
    }
}
