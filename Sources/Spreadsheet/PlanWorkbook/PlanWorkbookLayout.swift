import PlanIO
import PlanModel

/// The sheets of a plan workbook and what each column means, in Vietnamese and English.
/// The sheets hold exactly the columns of the plan folder's files (`plan.yaml` as
/// key/value rows, `indicators.csv`, `targets.csv`, `baseline.csv`, actuals), so a
/// workbook and a folder are two spellings of the same plan.
public enum PlanWorkbookLayout {
    public static let planSheet = "plan"
    public static let indicatorsSheet = "indicators"
    public static let targetsSheet = "targets"
    public static let baselineSheet = "baseline"
    public static let actualsSheet = "actuals"

    /// Keys of the plan sheet (those of `plan.yaml`).
    public static let planKeys = [
        "id", "name_vi", "name_en", "first_year", "last_year", "baseline_year", "language"
    ]

    /// (Vietnamese, English) explanation of a column or plan key.
    public static let notes: [String: (vi: String, en: String)] = [
        "key": ("Tên mục (không sửa)", "Item name (do not change)"),
        "value": ("Giá trị của mục", "The item's value"),
        "id": ("Mã: chữ, số, _ - . không dấu cách", "Id: letters, digits, _ - . no spaces"),
        "name_vi": ("Tên tiếng Việt", "Name in Vietnamese"),
        "name_en": ("Tên tiếng Anh (không bắt buộc)", "Name in English (optional)"),
        "first_year": ("Năm đầu kỳ kế hoạch", "First year of the plan"),
        "last_year": ("Năm cuối kỳ kế hoạch", "Last year of the plan"),
        "baseline_year": ("Năm gốc (trước năm đầu kỳ)", "Baseline year (before the first year)"),
        "language": ("Ngôn ngữ báo cáo: vi hoặc en", "Report language: vi or en"),
        "unit": ("Đơn vị tính, ví dụ tỷ đồng, %, người", "Unit, e.g. tỷ đồng, %, người"),
        "measure": (
            "Loại số liệu: amount (giá trị), rate (tỷ lệ), count (số lượng), qualitative (định tính)",
            "Kind of series: amount, rate (bounded percentage), count, qualitative"
        ),
        "upper_bound": (
            "Giới hạn trên của tỷ lệ (mặc định 100)", "Upper bound of a rate (default 100)"
        ),
        "components": (
            "Mã các chỉ tiêu thành phần, nối bằng +", "Ids of component indicators joined by +"
        ),
        "indicator": (
            "Mã chỉ tiêu trong sheet indicators", "Indicator id from the indicators sheet"
        ),
        "plan_item": (
            "Mục trong văn bản kế hoạch, ví dụ (1)", "Item in the plan document, e.g. (1)"
        ),
        "appendix_row": ("Dòng trong phụ lục, ví dụ PL I.1", "Row of the appendix, e.g. PL I.1"),
        "kind": (
            "growth (tăng bình quân %/năm), level (mức), maintained (duy trì hằng năm), qualitative",
            "growth (average %/yr), level, maintained (every year), qualitative"
        ),
        "comparator": (
            "So sánh: >=, >, <=, <, =, range (khoảng)", "Comparator: >=, >, <=, <, =, range"
        ),
        "value_low": (
            "Giá trị mục tiêu (cận dưới); tăng trưởng tính bằng %/năm",
            "Target value (low end); growth in %/yr"
        ),
        "value_high": (
            "Cận trên (bằng cận dưới nếu không là khoảng)", "High end (same as low unless a range)"
        ),
        "start_year": ("Năm bắt đầu", "Start year"),
        "target_year": ("Năm đạt mục tiêu", "Target year"),
        "direction": (
            "higher: càng cao càng tốt; lower: càng thấp càng tốt", "higher or lower is better"
        ),
        "responsible_unit": ("Cơ quan chủ trì", "Responsible office"),
        "source": (
            "Nguồn: official, derived, illustrative (baseline); tự do (actuals)",
            "Source: official, derived, illustrative (baseline); free text (actuals)"
        ),
        "note": ("Ghi chú", "Note"),
        "appendix_name_vi": ("Tên như trong phụ lục", "Name as in the appendix"),
        "appendix_unit": ("Đơn vị như trong phụ lục", "Unit as in the appendix"),
        "appendix_value": ("Giá trị như trong phụ lục", "Value as in the appendix"),
        "year": ("Năm (số, hoặc ngày trong năm)", "Year (a number, or a date in that year)"),
        "estimate": ("Ước tính: để trống, yes/no hoặc ước", "Estimate: empty, yes/no or ước")
    ]

    /// Allowed values of the columns that have a fixed list (data validation).
    public static let lists: [String: [String]] = [
        "measure": Measure.allCases.map(\.rawValue),
        "kind": TargetKind.allCases.map(\.rawValue),
        "comparator": Comparator.allCases.map(\.rawValue),
        "direction": Direction.allCases.map(\.rawValue),
        "language": ["vi", "en"]
    ]
    /// The source column of the baseline sheet (only there: actuals' source is free text).
    public static let baselineSources = ValueSource.allCases.map(\.rawValue)

    /// Columns of each table sheet.
    public static let columns: [String: [String]] = [
        indicatorsSheet: IndicatorsFile.columns, targetsSheet: TargetsFile.columns,
        baselineSheet: BaselineFile.columns, actualsSheet: ActualsFile.columns
    ]
}
