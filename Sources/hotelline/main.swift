print("hotelline")
