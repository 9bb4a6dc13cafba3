// The profile types of a site: the built-in person and organisation types, each replaced
// whole by a site's `types/<name>.yml`, and any further types the site declares there.

extension ContentLoader {
    /// Folders that belong to other kinds of content and cannot hold profiles.
    static let reservedFolders: Set<String> = ["", "report", "documents", "data", "types", "i18n", "assets"]

    /// The types in order (person, organisation, then the site's others by name), with their diagnostics.
    static func profileTypes(_ files: [String: SourceFile]) -> ([ProfileType], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var types: [ProfileType] = []
        var declared: [String: SourceFile] = [:]
        for (relative, source) in files {
            let name = String(relative.dropFirst("types/".count).split(separator: ".").first ?? "")
            guard !name.contains("/") else {
                diagnostics.append(Diagnostic(file: source.path, severity: .error, code: .typeInvalid,
                                              message: "type files sit directly in types/, named after the type (types/place.yml)"))
                continue
            }
            declared[name] = source
        }
        var builtIns: [String: ProfileType] = [:]
        for (name, yaml) in BuiltInProfileTypes.files {
            let source = SourceFile(path: "(built-in type \(name))", relativePath: "types/\(name).yml", text: yaml,
                                    frontMatter: yaml, frontMatterLine: 1, body: "", bodyLineOffset: 0)
            let (type, problems) = ProfileType.read(name, from: source, builtIn: true)
            diagnostics += problems
            builtIns[name] = type
            if let type, declared[name] == nil { types.append(type) }
        }
        let builtInOrder = BuiltInProfileTypes.files.map(\.0)
        for name in declared.keys.sorted(by: { (builtInOrder.firstIndex(of: $0) ?? 99, $0) < (builtInOrder.firstIndex(of: $1) ?? 99, $1) }) {
            let (type, problems) = ProfileType.read(name, from: declared[name]!, base: builtIns[name])
            diagnostics += problems
            guard let type else { continue }
            if reservedFolders.contains(type.folder) {
                diagnostics.append(Diagnostic(file: declared[name]!.path, severity: .error, code: .typeInvalid,
                                              message: "the folder '\(type.folder)' holds other content; give the type '\(name)' a folder of its own"))
                continue
            }
            types.append(type)
        }
        types.sort { (builtInOrder.firstIndex(of: $0.name) ?? 99, $0.name) < (builtInOrder.firstIndex(of: $1.name) ?? 99, $1.name) }
        // A built-in inverse whose other side a site's type file no longer has is left out.
        for index in types.indices where types[index].file == nil {
            let broken = types[index].fields.filter { field in
                guard let inverse = field.inverse, let target = field.target else { return false }
                return types.first { $0.name == target }?.field(inverse)?.target != types[index].name
            }.map(\.name)
            types[index].fields.removeAll { broken.contains($0.name) }
            types[index].detail.removeAll { broken.contains($0) }
        }
        return (types, diagnostics + types.crossCheck())
    }
}
