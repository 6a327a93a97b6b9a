import QtQuick
import Kiosk.Types

// What each screen says aloud (voice guidance): what to do here, in a sentence or two.
// Words of the kiosk's own only: no resident's data is ever part of a prompt.
// `screen` is the screen's objectName; `step` the step of a screen that has steps.
QtObject {
    function prompt(screen: string, step: int): string {
        switch (screen) {
        case "attractScreen": return ""  // nobody is there yet
        case "homeScreen": return qsTr("Welcome. Touch the service you need. To hear a screen again, touch Read aloud.")
        case "guidesScreen": return qsTr("Find a service by theme or by department, or touch Search and type its name.")
        case "searchScreen": return qsTr("Type the name of a service in Chinese or pinyin on the keyboard, then touch a result.")
        case "itemListScreen":
        case "bookableListScreen":
        case "suggestionsScreen": return qsTr("Touch a service to read its guide.")
        case "lifeEventScreen": return qsTr("These services often go together. Touch one to read its guide.")
        case "guideScreen": return qsTr("This is the service's guide. To hear a part of it, touch Read aloud beside it.")
        case "progressScreen": return qsTr("Place your ID card on the reader, or hold the QR code of your receipt under the scanner.")
        case "consultScreen": return qsTr("Touch a question to read the hotline's answer, or leave your own question.")
        case "consultAnswerScreen": return qsTr("This is the hotline's answer. If it does not help, you can leave your question.")
        case "engagementScreen": return qsTr("Touch a notice to read it, or a survey to give your opinion.")
        case "announcementScreen": return qsTr("This is a notice from the community. Scan its code to read it on your phone.")
        case "surveyScreen": return qsTr("Choose your answers, then touch Send my answers. Your answers are anonymous.")
        case "myAppointmentsScreen": return qsTr("Place your ID card on the reader to see your appointments.")
        case "applyScreen": return applyPrompt(step)
        case "bookingScreen": return bookingPrompt(step)
        case "questionScreen": return questionPrompt(step)
        case "homeVisitScreen": return homeVisitPrompt(step)
        }
        return ""
    }

    function applyPrompt(step: int): string {
        switch (step) {
        case ApplyStep.Conditions: return qsTr("Check who can apply and what you need, then touch Start applying.")
        case ApplyStep.Identify: return qsTr("Place your ID card on the reader.")
        case ApplyStep.Form: return qsTr("Fill in the form. Touch a field to type, then touch Next.")
        case ApplyStep.Materials: return qsTr("Lay each document under the camera and touch Photograph.")
        case ApplyStep.Review: return qsTr("Check your application. Press and hold a line to see it in full, then touch Next.")
        case ApplyStep.Consent: return qsTr("Read how your information is used, then touch Agree and send.")
        case ApplyStep.Submitting: return qsTr("Sending your application. Please wait.")
        case ApplyStep.Done: return qsTr("Your application has been received. Take your receipt from the printer.")
        case ApplyStep.Rating: return qsTr("How was the service? Choose a rating, then touch Send rating.")
        case ApplyStep.Thanks: return qsTr("Thank you. Touch Finish when you are done.")
        }
        return ""
    }

    function bookingPrompt(step: int): string {
        switch (step) {
        case BookingStep.Place: return qsTr("Choose where you want to go.")
        case BookingStep.Day: return qsTr("Choose a day.")
        case BookingStep.Slot: return qsTr("Choose a time.")
        case BookingStep.Identify: return qsTr("Place your ID card on the reader.")
        case BookingStep.Phone: return qsTr("Type your mobile phone number, then touch Next.")
        case BookingStep.Review: return qsTr("Check your appointment, then touch Confirm the appointment.")
        case BookingStep.Booking: return qsTr("Booking. Please wait.")
        case BookingStep.Done: return qsTr("Your appointment is booked. Take your slip from the printer.")
        }
        return ""
    }

    function questionPrompt(step: int): string {
        switch (step) {
        case QuestionStep.Write: return qsTr("Type your question, then touch Next.")
        case QuestionStep.Phone: return qsTr("Type your mobile phone number, so the hotline can call you back.")
        case QuestionStep.Identify: return qsTr("Place your ID card on the reader.")
        case QuestionStep.Review: return qsTr("Check your question, then touch Agree and send.")
        case QuestionStep.Submitting: return qsTr("Sending. Please wait.")
        case QuestionStep.Done: return qsTr("Your question has been received. Take your slip from the printer.")
        }
        return ""
    }

    function homeVisitPrompt(step: int): string {
        switch (step) {
        case HomeVisitStep.Situation: return qsTr("Choose why you cannot come to the station.")
        case HomeVisitStep.Identify: return qsTr("Place your ID card on the reader.")
        case HomeVisitStep.Address: return qsTr("Type the address where staff should come.")
        case HomeVisitStep.Phone: return qsTr("Type your mobile phone number, then touch Next.")
        case HomeVisitStep.When: return qsTr("Choose the days that suit you.")
        case HomeVisitStep.Review: return qsTr("Check your request, then touch Agree and send.")
        case HomeVisitStep.Submitting: return qsTr("Sending. Please wait.")
        case HomeVisitStep.Done: return qsTr("Your request has been received. Take your slip from the printer.")
        }
        return ""
    }
}
