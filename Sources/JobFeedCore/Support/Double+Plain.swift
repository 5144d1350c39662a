extension Double {
    /// Integers without a fractional part (85000, not 85000.0); others as Swift prints them.
    package var plain: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
