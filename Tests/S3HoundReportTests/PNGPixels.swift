import Foundation

/// A decoded 8-bit RGB or RGBA PNG, for checking what a screenshot shows. The zlib stream is
/// inflated by `python3 -c 'import zlib …'` (the test target cannot link zlib); the rest — chunks,
/// scanline filters — is decoded here.
struct PNGPixels {
    let width: Int
    let height: Int
    /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
    let channels: Int
    /// Unfiltered rows, `width * channels` bytes each.
    let pixels: [UInt8]

    enum DecodeError: Error, CustomStringConvertible {
        case notPNG, unsupported(String), inflate(String), size(Int, Int)
        var description: String {
            switch self {
            case .notPNG: return "not a PNG file"
            case .unsupported(let what): return "unsupported PNG: \(what)"
            case .inflate(let why): return "could not inflate IDAT: \(why)"
            case .size(let got, let want): return "inflated \(got) bytes, expected \(want)"
            }
        }
    }

    init(contentsOf url: URL) throws {
        let data = [UInt8](try Data(contentsOf: url))
        guard data.count > 8, data[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw DecodeError.notPNG }
        var offset = 8
        var width = 0, height = 0, colourType = 0, bitDepth = 0, interlace = 0
        var idat: [UInt8] = []
        func be32(_ at: Int) -> Int { Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3]) }
        while offset + 8 <= data.count {
            let length = be32(offset)
            let type = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            let body = offset + 8
            guard body + length + 4 <= data.count else { throw DecodeError.unsupported("chunk \(type) runs past the end") }
            if type == "IHDR" {
                width = be32(body); height = be32(body + 4)
                bitDepth = Int(data[body + 8]); colourType = Int(data[body + 9]); interlace = Int(data[body + 12])
            } else if type == "IDAT" {
                idat += data[body..<body + length]
            } else if type == "IEND" {
                break
            }
            offset = body + length + 4
        }
        guard bitDepth == 8, colourType == 2 || colourType == 6, interlace == 0 else {
            throw DecodeError.unsupported("bit depth \(bitDepth), colour type \(colourType), interlace \(interlace)")
        }
        let channels = colourType == 6 ? 4 : 3
        let raw = try Self.inflate(idat)
        let stride = width * channels
        guard raw.count == height * (stride + 1) else { throw DecodeError.size(raw.count, height * (stride + 1)) }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = try Self.unfilter(raw, height: height, stride: stride, bpp: channels)
    }

    private static func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let python = Chromium.which(["python3"]) else { throw DecodeError.inflate("python3 not found") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("idat"), output = directory.appendingPathComponent("raw")
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import sys, zlib; open(sys.argv[2], 'wb').write(zlib.decompress(open(sys.argv[1], 'rb').read()))",
                             input.path, output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DecodeError.inflate("python3 exited with \(process.terminationStatus)") }
        return [UInt8](try Data(contentsOf: output))
    }

    private static func unfilter(_ raw: [UInt8], height: Int, stride: Int, bpp: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: height * stride)
        try raw.withUnsafeBufferPointer { source in
            try out.withUnsafeMutableBufferPointer { target in
                for row in 0..<height {
                    let filter = source[row * (stride + 1)]
                    let from = row * (stride + 1) + 1
                    let to = row * stride
                    guard filter <= 4 else { throw DecodeError.unsupported("filter \(filter) in row \(row)") }
                    for i in 0..<stride {
                        let a = i >= bpp ? Int(target[to + i - bpp]) : 0
                        let b = row > 0 ? Int(target[to - stride + i]) : 0
                        var predictor = 0
                        switch filter {
                        case 1: predictor = a
                        case 2: predictor = b
                        case 3: predictor = (a + b) >> 1
                        case 4:
                            let c = (row > 0 && i >= bpp) ? Int(target[to - stride + i - bpp]) : 0
                            let p = a + b - c
                            let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                            predictor = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                        default: break
                        }
                        target[to + i] = UInt8(truncatingIfNeeded: Int(source[from + i]) + predictor)
                    }
                }
            }
        }
        return out
    }

    /// How many pixels are not near-white, and how many lie within `tolerance` of each colour, in one pass.
    func tally(_ colours: [(Int, Int, Int)], tolerance: Int = 8) -> (inked: Int, near: [Int]) {
        var inked = 0
        var near = [Int](repeating: 0, count: colours.count)
        pixels.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let r = Int(buffer[index]), g = Int(buffer[index + 1]), b = Int(buffer[index + 2])
                if r < 235 || g < 235 || b < 235 {
                    inked += 1
                    for (n, colour) in colours.enumerated()
                    where abs(r - colour.0) <= tolerance && abs(g - colour.1) <= tolerance && abs(b - colour.2) <= tolerance {
                        near[n] += 1
                    }
                }
                index += channels
            }
        }
        return (inked, near)
    }
}
