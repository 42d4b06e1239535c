/// One block of a report, independent of output format; the text, Markdown and HTML writers lay it out.
enum ReportBlock {
    /// A label and its value (`Account(s): 123456789012`).
    struct Field {
        var label: String
        var value: Prose
    }

    /// A table with a caption; columns listed in `numeric` are right-aligned.
    struct Table {
        var caption: String
        var headers: [String]
        var rows: [[Prose]]
        var numeric: Set<Int> = []
    }

    /// The report's title.
    case title(Prose)
    /// An incident, or the "no incidents" section.
    case heading(Prose)
    /// A part of an incident: timeline, principal, impact, findings, checklist.
    case subheading(Prose)
    /// One finding inside the findings part.
    case minorHeading(Prose)
    /// Aligned label/value lines.
    case fields([Field])
    /// A list.
    case bullets([Prose])
    /// Timeline lines.
    case timeline([TimelineLine])
    /// A table.
    case table(Table)
    /// A paragraph.
    case paragraph(Prose)
    /// The containment checklist.
    case checklist([ContainmentStep])
    /// An incident's charts: drawn by the HTML report, left out of text and Markdown (whose
    /// activity fields carry the same figures in words).
    case charts(IncidentCharts)
}
