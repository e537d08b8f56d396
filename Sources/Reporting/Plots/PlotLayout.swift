import Foundation

/// Canvas size and font shared by all plot kinds.
public struct PlotCanvas: Sendable, Codable, Equatable {
    public var widthPixels: Int
    public var heightPixels: Int
    public var font: String
    public var fontSize: Int

    public init(widthPixels: Int = 900, heightPixels: Int = 650, font: String = "Helvetica", fontSize: Int = 18) {
        self.widthPixels = widthPixels
        self.heightPixels = heightPixels
        self.font = font
        self.fontSize = fontSize
    }
}

/// Where the legend goes; plots choose a default that avoids their data.
public enum KeyPosition: String, Sendable, Codable, Equatable {
    case topLeft = "top left"
    case topRight = "top right"
    case bottomLeft = "bottom left"
    case bottomRight = "bottom right"
    case outsideRight = "outside right top"
}
