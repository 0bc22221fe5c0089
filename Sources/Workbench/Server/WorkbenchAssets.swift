import Foundation
import Reports

/// The page's script and stylesheet, read once from the module's resources into memory
/// (requests never name a file). The stylesheet is the HTML report's (same colours and
/// table) followed by the workbench's own.
struct WorkbenchAssets: Sendable {
    let script: Data
    let stylesheet: Data

    static func load() throws -> WorkbenchAssets {
        func read(_ name: String, _ ext: String) throws -> Data {
            guard
                let url = Bundle.module.url(
                    forResource: name, withExtension: ext, subdirectory: "Assets")
                    ?? Bundle.module.url(forResource: name, withExtension: ext)
            else {
                throw WorkbenchError(
                    status: .internalServerError,
                    message: "the workbench's \(name).\(ext) is missing from the build")
            }
            return try Data(contentsOf: url)
        }
        var css = Data(ReviewReport.stylesheet.utf8)
        css.append(Data("\n".utf8))
        css.append(try read("workbench", "css"))
        return WorkbenchAssets(script: try read("workbench", "js"), stylesheet: css)
    }
}
